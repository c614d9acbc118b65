package io.fuseline.esp.efuse;

/**
 * One thing to burn, in the terms of an espefuse command. A list of requests is planned together into one
 * {@link BurnPlan} (one espefuse {@code burn_all}). Names are espefuse's field and block names or aliases.
 */
public sealed interface BurnRequest {

    /**
     * The request {@code espefuse burn_key BLOCK KEYFILE [PURPOSE]} makes: {@code XTS_AES_256_KEY} (a purpose espefuse
     * offers, not an eFuse value) splits a 64-byte key over two blocks; no purpose means the ESP32's fixed blocks.
     *
     * @throws IllegalArgumentException for a purpose name Fuseline does not know, naming the accepted ones
     */
    static BurnRequest burnKey(String block, String purpose, EfuseKey key, KeyProtection protection) {
        if (purpose == null) {
            return new BurnKey(block, null, key, protection);
        }
        String p = purpose.toUpperCase(java.util.Locale.ROOT);
        if (p.equals("XTS_AES_256_KEY")) {
            return new BurnXtsAes256Key(block, key, protection);
        }
        try {
            return new BurnKey(block, KeyPurpose.valueOf(p), key, protection);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown key purpose '" + purpose
                    + "' (e.g. XTS_AES_128_KEY, XTS_AES_256_KEY, HMAC_UP, USER, SECURE_BOOT_DIGEST0)", e);
        }
    }

    /**
     * {@code burn_efuse NAME VALUE} for a bool or uint field: the new absolute value (bits only go 0 to 1; a bool
     * takes 1; a uint must not be 0).
     */
    record SetField(String name, long value) implements BurnRequest {
    }

    /** {@code burn_efuse NAME HEX} for a bytes field, value in eFuse memory order (espefuse's hex without 0x). */
    record SetFieldBytes(String name, byte[] value) implements BurnRequest {
        public SetFieldBytes {
            value = value.clone();
        }

        @Override
        public byte[] value() { return value.clone(); }
    }

    /**
     * {@code burn_key BLOCK KEYFILE [PURPOSE]}. ESP32: {@code purpose} is null, ESP32_FLASH_ENCRYPTION (BLOCK1) or
     * ESP32_SECURE_BOOT_V2_DIGEST (BLOCK2); the key is reversed only when {@code block} is the alias
     * {@code flash_encryption} or {@code secure_boot_v1}. S3/C3: the purpose is required; XTS keys are reversed.
     */
    record BurnKey(String block, KeyPurpose purpose, EfuseKey key, KeyProtection protection) implements BurnRequest {
    }

    /**
     * {@code burn_key BLOCK KEYFILE XTS_AES_256_KEY} (ESP32-S3): the 64-byte key is split, the first half (reversed)
     * into {@code block} as XTS_AES_256_KEY_1, the second (reversed) into the next free key block as _KEY_2.
     */
    record BurnXtsAes256Key(String block, EfuseKey key, KeyProtection protection) implements BurnRequest {
    }

    /**
     * {@code burn_key_digest}: a 32-byte Secure Boot V2 public-key digest, never reversed. ESP32: block BLOCK2
     * (or secure_boot_v2), purpose ESP32_SECURE_BOOT_V2_DIGEST, None coding only. S3/C3: a key block and
     * SECURE_BOOT_DIGEST0..2. {@code writeProtect}: espefuse's default, off with --no-protect-key /
     * --no-write-protect.
     */
    record BurnKeyDigest(String block, KeyPurpose purpose, byte[] digest, boolean writeProtect)
            implements BurnRequest {
        public BurnKeyDigest {
            digest = digest.clone();
        }

        @Override
        public byte[] digest() { return digest.clone(); }
    }

    /** {@code burn_block_data BLOCK FILE --offset N}: raw data in memory order, zero-padded, never reversed. */
    record BurnBlockData(String block, int offset, byte[] data) implements BurnRequest {
        public BurnBlockData {
            data = data.clone();
        }

        @Override
        public byte[] data() { return data.clone(); }
    }

    /** {@code write_protect_efuse NAME}: set the WR_DIS bit of a field or block (no-op if already set). */
    record WriteProtect(String name) implements BurnRequest {
    }

    /** {@code read_protect_efuse NAME}: set the RD_DIS bit of a field or block (no-op if already set). */
    record ReadProtect(String name) implements BurnRequest {
    }
}
