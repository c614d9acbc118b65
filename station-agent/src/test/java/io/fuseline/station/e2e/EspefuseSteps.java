package io.fuseline.station.e2e;

import io.fuseline.esp.efuse.BurnRequest;
import io.fuseline.esp.efuse.EfuseKey;
import io.fuseline.esp.efuse.KeyProtection;
import io.fuseline.esp.efuse.KeyPurpose;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The espefuse scenario vectors ({@code vectors/efuse/<chip>/steps.tsv}): each step's espefuse command line as
 * {@link BurnRequest}s, whether espefuse accepted it, and the register image its emulator left.
 */
final class EspefuseSteps {

    /** One row of steps.tsv. */
    record Step(String name, String args, boolean accepted) {
        @Override
        public String toString() { return name; }
    }

    private EspefuseSteps() {
    }

    /** The steps after {@code 00_blank}, in order. */
    static List<Step> of(String chip) {
        List<Step> out = new ArrayList<>();
        for (String line : text(chip + "/steps.tsv").lines().skip(2).toList()) {
            if (!line.isBlank()) {
                String[] f = line.split("\t");
                out.add(new Step(f[0], f[1], f[2].equals("0")));
            }
        }
        return out;
    }

    static List<BurnRequest> requests(Step step) {
        List<String> all = Arrays.asList(step.args().split(" "));
        List<String> args = all.stream().filter(a -> !a.startsWith("--")).toList();
        boolean noProtectKey = all.contains("--no-protect-key");
        KeyProtection protection = noProtectKey ? KeyProtection.NONE
                : new KeyProtection(!all.contains("--no-write-protect"), !all.contains("--no-read-protect"));
        List<BurnRequest> out = new ArrayList<>();
        switch (args.get(0)) {
            case "burn_efuse" -> {
                for (int i = 1; i < args.size(); i += 2) {
                    out.add(new BurnRequest.SetField(args.get(i), Long.decode(args.get(i + 1))));
                }
            }
            case "burn_key" -> {
                EfuseKey key = EfuseKey.copyOf(file(args.get(2)));
                if (args.size() > 3 && args.get(3).equals("XTS_AES_256_KEY")) {
                    out.add(new BurnRequest.BurnXtsAes256Key(args.get(1), key, protection));
                } else {
                    KeyPurpose purpose = args.size() > 3 ? KeyPurpose.valueOf(args.get(3)) : null;
                    out.add(new BurnRequest.BurnKey(args.get(1), purpose, key, protection));
                }
            }
            case "burn_key_digest" -> {
                byte[] digest = bytes("rsa3072.digest.bin");
                out.add(args.size() == 2
                        ? new BurnRequest.BurnKeyDigest("BLOCK2", KeyPurpose.ESP32_SECURE_BOOT_V2_DIGEST, digest,
                                !noProtectKey)
                        : new BurnRequest.BurnKeyDigest(args.get(1), KeyPurpose.valueOf(args.get(3)), digest,
                                !all.contains("--no-write-protect")));
            }
            case "burn_block_data" -> out.add(new BurnRequest.BurnBlockData(args.get(1), 0, file(args.get(2))));
            case "write_protect_efuse" -> out.add(new BurnRequest.WriteProtect(args.get(1)));
            case "read_protect_efuse" -> out.add(new BurnRequest.ReadProtect(args.get(1)));
            default -> throw new IllegalArgumentException("unknown espefuse command " + step.args());
        }
        return out;
    }

    /** keys/key32_hash.bin and friends, copied next to the vectors. */
    private static byte[] file(String path) {
        return bytes(path.substring(path.lastIndexOf('/') + 1));
    }

    static byte[] bytes(String name) {
        try (InputStream in = EspefuseSteps.class.getResourceAsStream("/vectors/efuse/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource vectors/efuse/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
