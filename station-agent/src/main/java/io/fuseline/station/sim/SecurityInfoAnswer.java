package io.fuseline.station.sim;

import io.fuseline.station.ops.LoaderTarget;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The 20-byte GET_SECURITY_INFO payload an S3/C3 ROM derives from its eFuses: flags, SPI_BOOT_CRYPT_CNT, the six
 * key purposes (and a seventh zero), chip id, API version 0. Empty for the ESP32, whose ROM lacks the command.
 */
final class SecurityInfoAnswer {

    /** Flag bit → BLOCK0 field (NOTES §e.2); names missing on a family are skipped. */
    private static final String[] FLAG_FIELDS = {"SECURE_BOOT_EN", "SECURE_BOOT_AGGRESSIVE_REVOKE",
        "ENABLE_SECURITY_DOWNLOAD", "SECURE_BOOT_KEY_REVOKE0", "SECURE_BOOT_KEY_REVOKE1", "SECURE_BOOT_KEY_REVOKE2",
        "SOFT_DIS_JTAG", "DIS_PAD_JTAG", "DIS_USB_OTG", "DIS_DOWNLOAD_DCACHE", "DIS_DOWNLOAD_ICACHE"};

    private SecurityInfoAnswer() {
    }

    static Optional<byte[]> of(VirtualChip chip) {
        LoaderTarget target = chip.target();
        if (target.securityInfoChipId().isEmpty()) {
            return Optional.empty();
        }
        EfuseController efuse = chip.efuse();
        int flags = 0;
        for (int bit = 0; bit < FLAG_FIELDS.length; bit++) {
            if (value(efuse, FLAG_FIELDS[bit]) != 0) {
                flags |= 1 << bit;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(flags);
        b.put((byte) value(efuse, "SPI_BOOT_CRYPT_CNT"));
        for (int i = 0; i < 7; i++) {
            b.put((byte) value(efuse, "KEY_PURPOSE_" + i));
        }
        b.putInt(target.securityInfoChipId().getAsInt());
        b.putInt(0);
        return Optional.of(b.array());
    }

    private static long value(EfuseController efuse, String field) {
        try {
            return efuse.field(field);
        } catch (IllegalArgumentException e) {
            return 0; // KEY_PURPOSE_6 and a few flags do not exist on every family
        }
    }
}
