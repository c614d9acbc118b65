package io.fuseline.deploy.cli.station;

import io.fuseline.esp.efuse.BurnRequest;
import io.fuseline.esp.efuse.EfuseKey;
import io.fuseline.esp.efuse.KeyProtection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code station burn-key BLOCK KEYFILE [PURPOSE]}: irreversibly burns a key as {@code espefuse burn_key} does (same
 * byte order, same default protections), verifies it and then the protection bits.
 */
@Command(name = "burn-key", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Irreversible: burn a key into an eFuse key block, as espefuse burn_key (asks you to type BURN).",
            "",
            "ESP32: BLOCK1 / flash_encryption (reversed), BLOCK2 / secure_boot_v1, BLOCK3; no PURPOSE.",
            "ESP32-S3/C3: BLOCK_KEY0..5 and a PURPOSE such as XTS_AES_128_KEY, XTS_AES_256_KEY (S3, 64-byte file), "
                    + "HMAC_UP, USER."
        })
final class BurnKeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PortOptions port;

    @Parameters(index = "0", paramLabel = "BLOCK", description = "Key block name or alias.")
    String block;

    @Parameters(index = "1", paramLabel = "KEYFILE", description = "Key, raw bytes in espsecure order.")
    Path keyFile;

    @Parameters(index = "2", arity = "0..1", paramLabel = "PURPOSE", description = "Key purpose (ESP32-S3/C3).")
    String purpose;

    @Option(names = "--no-protect-key", description = "Neither read- nor write-protect the key block.")
    boolean noProtectKey;

    @Option(names = "--no-write-protect", description = "Do not write-protect the key block (S3/C3).")
    boolean noWriteProtect;

    @Option(names = "--no-read-protect", description = "Do not read-protect the key block (S3/C3).")
    boolean noReadProtect;

    @Option(names = "--yes", description = "Do not ask; required when standard input is not a terminal.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        KeyProtection protection = KeyProtection.fromEspefuseFlags(noProtectKey, noWriteProtect, noReadProtect);
        byte[] bytes = Files.readAllBytes(keyFile);
        try (EfuseKey key = EfuseKey.copyOf(bytes)) {
            Arrays.fill(bytes, (byte) 0);
            BurnRequest request;
            try {
                request = BurnRequest.burnKey(block, purpose, key, protection);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            BurnSession.burn(port, spec.commandLine().getOut(), List.of(request),
                    "key " + key + " into " + block + (purpose == null ? "" : " as " + purpose), yes);
        }
        return 0;
    }
}
