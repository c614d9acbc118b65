package io.fuseline.station.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The payload of GET_SECURITY_INFO: {@code <I B 7B I I>} = flags, flash_crypt_cnt, key_purposes[7], chip_id,
 * api_version (20 bytes, S3/C3 and later), or the first 12 bytes of that on the ESP32-S2 (no chip id). The
 * ESP32 ROM does not implement the command.
 *
 * @param flags         the raw flag word, see {@link Flag}
 * @param flashCryptCnt the raw flash-encryption counter eFuse (SPI_BOOT_CRYPT_CNT)
 * @param keyPurposes   the purposes of eFuse key blocks 0..6, raw codes
 * @param chipId        the chip id (S3 = 9, C3 = 5), absent in the 12-byte layout
 * @param apiVersion    the ROM's API / ECO version word, absent in the 12-byte layout
 */
public record SecurityInfo(int flags, int flashCryptCnt, List<Integer> keyPurposes, OptionalInt chipId,
        OptionalInt apiVersion) {

    /** Payload length of the S3/C3 layout. */
    public static final int LENGTH = 20;
    /** Payload length of the ESP32-S2 layout. */
    public static final int LENGTH_S2 = 12;

    private static final int KEY_BLOCKS = 7;

    /** Bits of {@link #flags()}. */
    public enum Flag {
        SECURE_BOOT_EN(0),
        SECURE_BOOT_AGGRESSIVE_REVOKE(1),
        SECURE_DOWNLOAD_ENABLE(2),
        SECURE_BOOT_KEY_REVOKE0(3),
        SECURE_BOOT_KEY_REVOKE1(4),
        SECURE_BOOT_KEY_REVOKE2(5),
        SOFT_DIS_JTAG(6),
        HARD_DIS_JTAG(7),
        DIS_USB(8),
        DIS_DOWNLOAD_DCACHE(9),
        DIS_DOWNLOAD_ICACHE(10);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        public int bit() { return bit; }
    }

    public SecurityInfo {
        keyPurposes = List.copyOf(keyPurposes);
        if (keyPurposes.size() != KEY_BLOCKS) {
            throw new IllegalArgumentException("expected 7 key purposes, got " + keyPurposes.size());
        }
    }

    /**
     * Parses the response payload (status bytes already removed, see {@link Response#payload}).
     *
     * @throws UnexpectedResponseException if the payload is neither 20 nor 12 bytes
     */
    public static SecurityInfo parse(byte[] payload) throws UnexpectedResponseException {
        if (payload.length != LENGTH && payload.length != LENGTH_S2) {
            throw new UnexpectedResponseException(Opcode.GET_SECURITY_INFO, "payload is " + payload.length
                    + " bytes, expected " + LENGTH + " (S3/C3) or " + LENGTH_S2 + " (S2)");
        }
        List<Integer> purposes = new ArrayList<>(KEY_BLOCKS);
        for (int i = 0; i < KEY_BLOCKS; i++) {
            purposes.add(payload[5 + i] & 0xFF);
        }
        boolean full = payload.length == LENGTH;
        return new SecurityInfo(LittleEndian.u32(payload, 0), payload[4] & 0xFF, purposes,
                full ? OptionalInt.of(LittleEndian.u32(payload, 12)) : OptionalInt.empty(),
                full ? OptionalInt.of(LittleEndian.u32(payload, 16)) : OptionalInt.empty());
    }

    public boolean has(Flag flag) {
        return (flags >>> flag.bit() & 1) != 0;
    }

    /** The set flags, in bit order. */
    public Set<Flag> flagSet() {
        Set<Flag> set = EnumSet.noneOf(Flag.class);
        for (Flag f : Flag.values()) {
            if (has(f)) {
                set.add(f);
            }
        }
        return set;
    }

    /** Secure Download Mode: the ROM then refuses most commands, including reads and eFuse access. */
    public boolean secureDownload() {
        return has(Flag.SECURE_DOWNLOAD_ENABLE);
    }

    /** Flash encryption is on when the counter has an odd number of bits set. */
    public boolean flashEncryptionEnabled() {
        return Integer.bitCount(flashCryptCnt) % 2 == 1;
    }
}
