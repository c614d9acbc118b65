package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.flash.FlashEncryption;
import picocli.CommandLine.Command;

/** {@code decrypt-flash-data}: the plaintext behind encrypted flash contents read from this address. */
@Command(name = "decrypt-flash-data", mixinStandardHelpOptions = true,
        description = "Decrypt flash contents read back from a chip, like espsecure decrypt-flash-data.")
final class DecryptFlashDataCommand extends FlashDataCommand {
    @Override
    void transform(FlashEncryption fe, long address, byte[] data) {
        fe.decrypt(address, data, 0, data.length, data, 0);
    }

    @Override
    String verb() {
        return "Decrypted";
    }
}
