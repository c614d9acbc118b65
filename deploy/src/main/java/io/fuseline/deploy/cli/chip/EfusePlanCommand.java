package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.BlockProgram;
import io.fuseline.esp.efuse.BurnOptions;
import io.fuseline.esp.efuse.BurnPlan;
import io.fuseline.esp.efuse.BurnPlanner;
import io.fuseline.esp.efuse.BurnRequest;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseKey;
import io.fuseline.esp.efuse.EfuseRegisters;
import io.fuseline.esp.efuse.KeyProtection;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.esp.efuse.ProgramSequence;
import io.fuseline.esp.efuse.RegisterOp;
import io.fuseline.esp.secureboot.Pem;
import io.fuseline.esp.secureboot.PublicKeyDigest;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code efuse-plan}: the register writes a burn would make, computed exactly as espefuse would program them, for a
 * reviewer to read before anything irreversible happens. It never touches a chip.
 */
@Command(name = "efuse-plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Print the eFuse register writes a burn would make (nothing is burned).",
            "",
            "Starts from a blank chip, or from an espefuse virtual eFuse file (--efuse-file). Refuses what the "
                    + "chip would refuse (write-protected fields, bits going 1 to 0, a written RS block, an XTS key "
                    + "in KEY_PURPOSE_5 on the ESP32-S3, ...) with the reason and exit code 1."
        })
final class EfusePlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--chip", required = true, paramLabel = "CHIP", description = "esp32, esp32s3 or esp32c3.")
    String chip;

    @Option(names = "--efuse-file", paramLabel = "FILE",
            description = "Current eFuses as an espefuse virtual file (--path-efuse-file); default: a blank chip.")
    Path efuseFile;

    @Option(names = "--burn-key", paramLabel = "BLOCK:KEYFILE[:PURPOSE]",
            description = "Burn a key, as espefuse burn-key BLOCK KEYFILE PURPOSE (ESP32: BLOCK1 or flash_encryption, "
                    + "no purpose; S3/C3: BLOCK_KEYn and a purpose such as XTS_AES_128_KEY or XTS_AES_256_KEY).")
    List<String> burnKeys = new ArrayList<>();

    @Option(names = "--burn-key-digest", paramLabel = "BLOCK:PEM[:PURPOSE]",
            description = "Burn the Secure Boot V2 public-key digest of PEM (ESP32: BLOCK2; S3/C3: BLOCK_KEYn with "
                    + "SECURE_BOOT_DIGESTn).")
    List<String> burnDigests = new ArrayList<>();

    @Option(names = "--burn-efuse", paramLabel = "FIELD=VALUE", description = "Burn a field to a new absolute value.")
    List<String> burnFields = new ArrayList<>();

    @Option(names = "--write-protect", paramLabel = "FIELD", description = "Set the WR_DIS bit of a field or block.")
    List<String> writeProtect = new ArrayList<>();

    @Option(names = "--read-protect", paramLabel = "FIELD", description = "Set the RD_DIS bit of a field or block.")
    List<String> readProtect = new ArrayList<>();

    @Option(names = "--no-protect-key", description = "Neither read- nor write-protect burned keys.")
    boolean noProtectKey;

    @Option(names = "--no-read-protect", description = "Do not read-protect burned keys.")
    boolean noReadProtect;

    @Option(names = "--no-write-protect", description = "Do not write-protect burned keys.")
    boolean noWriteProtect;

    @Option(names = "--postpone", description = "Burn the security fields of BLOCK0 in a second pass, as espefuse.")
    boolean postpone;

    @Option(names = "--sequence", description = "Print every register operation (timing, data, commands, waits).")
    boolean sequence;

    @Override
    public Integer call() throws Exception {
        EfuseChip efuse = EfuseChip.of(ChipFamily.parse(chip));
        EfuseRegisters current = efuseFile == null ? EfuseRegisters.blank(efuse)
                : EfuseRegisters.fromVirtualFile(efuse, Files.readAllBytes(efuseFile));
        List<BurnRequest> requests = requests();
        try {
            BurnPlan plan = BurnPlanner.plan(current, requests, new BurnOptions(postpone));
            print(plan, spec.commandLine().getOut());
        } finally {
            requests.forEach(r -> {
                if (r instanceof BurnRequest.BurnKey k) {
                    k.key().close();
                } else if (r instanceof BurnRequest.BurnXtsAes256Key k) {
                    k.key().close();
                }
            });
        }
        return 0;
    }

    private List<BurnRequest> requests() throws Exception {
        KeyProtection protection = KeyProtection.fromEspefuseFlags(noProtectKey, noWriteProtect, noReadProtect);
        List<BurnRequest> out = new ArrayList<>();
        for (String spec : burnKeys) {
            String[] p = parts(spec, "--burn-key", 2, 3);
            byte[] raw = Files.readAllBytes(Path.of(p[1]));
            EfuseKey key = EfuseKey.copyOf(raw);
            Arrays.fill(raw, (byte) 0);
            out.add(BurnRequest.burnKey(p[0], p.length == 3 ? p[2] : null, key, protection));
        }
        for (String spec : burnDigests) {
            String[] p = parts(spec, "--burn-key-digest", 2, 3);
            byte[] digest = PublicKeyDigest.of(Pem.readPublicKey(Files.readString(Path.of(p[1]),
                    StandardCharsets.US_ASCII)));
            KeyPurpose purpose = p.length == 3 ? purpose(p[2]) : KeyPurpose.ESP32_SECURE_BOOT_V2_DIGEST;
            out.add(new BurnRequest.BurnKeyDigest(p[0], purpose, digest,
                    p.length == 3 ? !noWriteProtect : !noProtectKey));
        }
        for (String spec : burnFields) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--burn-efuse takes FIELD=VALUE, got '" + spec + "'");
            }
            out.add(new BurnRequest.SetField(spec.substring(0, eq), Long.decode(spec.substring(eq + 1))));
        }
        writeProtect.forEach(f -> out.add(new BurnRequest.WriteProtect(f)));
        readProtect.forEach(f -> out.add(new BurnRequest.ReadProtect(f)));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("nothing to plan: give --burn-key, --burn-key-digest, --burn-efuse, "
                    + "--write-protect or --read-protect");
        }
        return out;
    }

    private void print(BurnPlan plan, PrintWriter out) {
        if (plan.isEmpty()) {
            out.println("Nothing to burn: every requested bit is already set.");
            return;
        }
        if (sequence) {
            for (RegisterOp op : ProgramSequence.of(plan)) {
                out.println(op);
            }
            return;
        }
        for (BlockProgram program : plan.programs()) {
            out.printf("%s (block %d): %s%n", plan.chip().block(program.blockIndex()).name(), program.blockIndex(),
                    program.writes().stream().map(Object::toString).collect(Collectors.joining(",")));
        }
        out.flush();
    }

    private static String[] parts(String spec, String option, int min, int max) {
        String[] p = spec.split(":");
        if (p.length < min || p.length > max) {
            throw new IllegalArgumentException(option + " takes " + (max == 3 ? "BLOCK:FILE[:PURPOSE]" : "BLOCK:FILE")
                    + ", got '" + spec + "'");
        }
        return p;
    }

    private static KeyPurpose purpose(String name) {
        try {
            return KeyPurpose.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown key purpose '" + name + "' (e.g. XTS_AES_128_KEY, "
                    + "XTS_AES_256_KEY, HMAC_UP, SECURE_BOOT_DIGEST0)");
        }
    }
}
