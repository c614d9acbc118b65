package io.fuseline.station.sim;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.EfuseField;
import io.fuseline.station.ops.ChipRevision;

/**
 * Burns what Espressif's factory burns before a chip ships: MAC (with its CRC on the ESP32), revision bits and,
 * on the ESP32, the 8 MHz clock calibration the ROM's baud-rate quirk depends on. The bit positions are the ones
 * the loader client's targets decode (NOTES §d.1, §d.2).
 */
final class FactoryFuses {

    /** CLK8M_FREQ of the recorded ESP32 (0x32 = 50), which makes the ROM's clock estimate exactly 40 MHz. */
    static final int ESP32_CLK8M_FREQ = 0x32;

    private FactoryFuses() {
    }

    static void burn(EfuseController efuse, ChipFamily family, MacAddress mac, ChipRevision rev) {
        byte[] m = mac.bytes();
        int lo32 = (m[2] & 0xFF) << 24 | (m[3] & 0xFF) << 16 | (m[4] & 0xFF) << 8 | (m[5] & 0xFF);
        int hi16 = (m[0] & 0xFF) << 8 | (m[1] & 0xFF);
        if (family == ChipFamily.ESP32) {
            int[] block0 = new int[7];
            block0[1] = lo32;
            block0[2] = mac.esp32Crc8() << 16 | hi16;
            // Revision: bit 15 of word 3 = rev ≥ 1, bit 20 of word 5 = rev ≥ 2 (APB_CTL_DATE holds rev 3's bit).
            block0[3] = rev.major() >= 1 ? 1 << 15 : 0;
            block0[4] = ESP32_CLK8M_FREQ;
            block0[5] = (rev.major() >= 2 ? 1 << 20 : 0) | (rev.minor() & 3) << 24;
            efuse.factoryBurn(0, block0);
        } else {
            int[] block1 = new int[8];
            block1[0] = lo32;
            block1[1] = hi16;
            block1[3] = (rev.minor() & 7) << 18;
            block1[5] = (rev.minor() >>> 3 & 1) << 23 | (rev.major() & 3) << 24;
            efuse.factoryBurn(1, block1);
        }
    }

    /** Burns flash encryption (counter = 1) and Secure Boot V2 enable, as a chip provisioned before would have. */
    static void burnSecurity(EfuseController efuse, ChipFamily family) {
        if (family == ChipFamily.ESP32) {
            burnField(efuse, "FLASH_CRYPT_CNT", 1);
            burnField(efuse, "ABS_DONE_1", 1);
        } else {
            burnField(efuse, "SPI_BOOT_CRYPT_CNT", 1);
            burnField(efuse, "SECURE_BOOT_EN", 1);
        }
    }

    private static void burnField(EfuseController efuse, String name, long value) {
        EfuseField f = efuse.chip().fields().field(name)
                .orElseThrow(() -> new IllegalArgumentException(efuse.chip().family() + " has no field " + name));
        int[] words = new int[8];
        long shifted = value << f.position();
        words[f.word()] = (int) shifted;
        if (f.word() + 1 < words.length) {
            words[f.word() + 1] = (int) (shifted >>> 32);
        }
        efuse.factoryBurn(f.block(), words);
    }
}
