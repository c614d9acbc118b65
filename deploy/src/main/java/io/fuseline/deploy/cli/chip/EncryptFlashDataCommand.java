package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.flash.FlashEncryption;
import picocli.CommandLine.Command;

/** {@code encrypt-flash-data}: what the chip would store in flash for this plaintext at this address. */
@Command(name = "encrypt-flash-data", mixinStandardHelpOptions = true,
        description = "Encrypt a file as the chip's flash encryption would, like espsecure encrypt-flash-data.")
final class EncryptFlashDataCommand extends FlashDataCommand {
    @Override
    void transform(FlashEncryption fe, long address, byte[] data) {
        fe.encrypt(address, data, 0, data.length, data, 0);
    }

    @Override
    String verb() {
        return "Encrypted";
    }
}
