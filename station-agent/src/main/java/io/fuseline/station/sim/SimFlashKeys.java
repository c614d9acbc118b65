package io.fuseline.station.sim;

import java.util.Optional;

/**
 * Finds the flash encryption key a ROM would use: on S3/C3 the key block whose KEY_PURPOSE is XTS_AES_128_KEY (4),
 * or the XTS_AES_256_KEY_1/_2 pair (2, 3); on the ESP32, BLOCK1. espefuse stores these keys byte-reversed (NOTES
 * §d.3), so the key in espsecure's file order is the block's memory bytes reversed. Reads the hardware words, as the
 * chip's AES engine does, whatever the read protection: for the simulated ROM and for tests that check a unit.
 */
public final class SimFlashKeys {

    private static final int XTS_256_KEY_1 = 2;
    private static final int XTS_256_KEY_2 = 3;
    private static final int XTS_128 = 4;
    private static final int KEY_BLOCK0 = 4;
    private static final int KEY_BLOCKS = 6;
    private static final int ESP32_FLASH_KEY_BLOCK = 1;

    private SimFlashKeys() {
    }

    /** The unit's flash-encryption key in espsecure's file order, if one is burned. */
    public static Optional<byte[]> flashEncryptionKey(EfuseController efuse) {
        if (efuse.chip().family() != io.fuseline.esp.ChipFamily.ESP32) {
            return xtsKey(efuse);
        }
        byte[] mem = bytes(efuse.hardwareWords(ESP32_FLASH_KEY_BLOCK));
        boolean blank = true;
        for (byte b : mem) {
            blank &= b == 0;
        }
        if (blank) {
            return Optional.empty();
        }
        byte[] key = new byte[mem.length];
        for (int j = 0; j < mem.length; j++) {
            key[j] = mem[mem.length - 1 - j];
        }
        return Optional.of(key);
    }

    static Optional<byte[]> xtsKey(EfuseController efuse) {
        Optional<byte[]> k128 = keyWithPurpose(efuse, XTS_128);
        if (k128.isPresent()) {
            return k128;
        }
        Optional<byte[]> k1 = keyWithPurpose(efuse, XTS_256_KEY_1);
        Optional<byte[]> k2 = keyWithPurpose(efuse, XTS_256_KEY_2);
        if (k1.isPresent() && k2.isPresent()) {
            byte[] both = new byte[64];
            System.arraycopy(k1.get(), 0, both, 0, 32);
            System.arraycopy(k2.get(), 0, both, 32, 32);
            return Optional.of(both);
        }
        return Optional.empty();
    }

    private static Optional<byte[]> keyWithPurpose(EfuseController efuse, int purpose) {
        for (int i = 0; i < KEY_BLOCKS; i++) {
            if (efuse.field("KEY_PURPOSE_" + i) == purpose) {
                byte[] mem = bytes(efuse.hardwareWords(KEY_BLOCK0 + i));
                byte[] key = new byte[32];
                for (int j = 0; j < 32; j++) {
                    key[j] = mem[31 - j];
                }
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static byte[] bytes(int[] words) {
        byte[] out = new byte[words.length * 4];
        for (int i = 0; i < words.length; i++) {
            for (int j = 0; j < 4; j++) {
                out[4 * i + j] = (byte) (words[i] >>> (8 * j));
            }
        }
        return out;
    }
}
