package io.fuseline.esp.efuse;

import java.util.Arrays;
import java.util.Set;

/**
 * Stages key and digest burns the way espefuse's {@code burn_key} / {@code burn_key_digest} do (NOTES §d.3),
 * including which keys are byte-reversed and which protections are added. Wipes its key copies.
 */
final class KeyRequests {
    private final BurnStaging staging;
    private final EfuseChip chip;
    private final Set<Integer> namedKeyBlocks;

    KeyRequests(BurnStaging staging, Set<Integer> namedKeyBlocks) {
        this.staging = staging;
        this.chip = staging.registers().chip();
        this.namedKeyBlocks = namedKeyBlocks;
    }

    void burnKey(String blockName, KeyPurpose purpose, byte[] key, KeyProtection protection) {
        try {
            EfuseBlock b = block(blockName);
            if (chip instanceof Esp32Efuse) {
                esp32Key(blockName, b, purpose, key, protection);
            } else {
                keyBlockKey(b, purpose, key, protection.writeProtect(), protection.readProtect());
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    void burnXts256(String blockName, byte[] key, KeyProtection protection) {
        try {
            EfuseBlock b = block(blockName);
            if (!KeyPurpose.XTS_AES_256_KEY_1.availableOn(chip.family())) {
                throw refused(b, RefusalReason.PURPOSE_NOT_AVAILABLE, "XTS_AES_256_KEY on " + chip.family());
            }
            if (key.length != 64) {
                throw refused(b, RefusalReason.WRONG_LENGTH, "XTS_AES_256_KEY takes 64 bytes, given " + key.length);
            }
            EfuseBlock second = nextFreeKeyBlock(b);
            keyBlockKey(b, KeyPurpose.XTS_AES_256_KEY_1, Arrays.copyOf(key, 32), protection.writeProtect(),
                    protection.readProtect());
            keyBlockKey(second, KeyPurpose.XTS_AES_256_KEY_2, Arrays.copyOfRange(key, 32, 64),
                    protection.writeProtect(), protection.readProtect());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    void burnDigest(String blockName, KeyPurpose purpose, byte[] digest, boolean writeProtect) {
        EfuseBlock b = block(blockName);
        if (!purpose.isSecureBootDigest() || !purpose.availableOn(chip.family())) {
            throw refused(b, RefusalReason.PURPOSE_NOT_AVAILABLE, purpose + " is not a Secure Boot digest purpose here");
        }
        if (chip instanceof Esp32Efuse) {
            if (b.index() != 2) {
                throw refused(b, RefusalReason.PURPOSE_NOT_AVAILABLE, "the ESP32 digest goes to BLOCK2");
            }
            if (chip.codingScheme(2, staging.registers()) != CodingScheme.NONE) {
                throw refused(b, RefusalReason.CODING_SCHEME_UNSUPPORTED, "burn_key_digest needs None coding");
            }
            saveKeyData(b, digest);
            if (writeProtect) {
                staging.disableWrite(b.name(), b.writeDisableBit(), staging.describeBlock(b));
            }
            return;
        }
        keyBlockKey(b, purpose, digest, writeProtect, false);
    }

    /** ESP32 {@code burn_key}: reverse and read-protect only for the aliases flash_encryption / secure_boot_v1. */
    private void esp32Key(String name, EfuseBlock b, KeyPurpose purpose, byte[] key, KeyProtection protection) {
        if (b.index() == 0 || purpose != null && !(purpose == KeyPurpose.ESP32_FLASH_ENCRYPTION && b.index() == 1
                || purpose == KeyPurpose.ESP32_SECURE_BOOT_V2_DIGEST && b.index() == 2)) {
            throw refused(b, RefusalReason.PURPOSE_NOT_AVAILABLE, purpose + " in " + name + " on the ESP32");
        }
        boolean alias = name.equals("flash_encryption") || name.equals("secure_boot_v1");
        byte[] data = alias ? EfuseDecoder.reversed(key) : key.clone();
        try {
            saveKeyData(b, data);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
        if (alias && protection.readProtect()) {
            staging.disableRead(b.name(), b.readDisableBit(), staging.describeBlock(b));
        }
        if (protection.writeProtect()) {
            staging.disableWrite(b.name(), b.writeDisableBit(), staging.describeBlock(b));
        }
    }

    /** S3/C3 {@code burn_key}: data, KEY_PURPOSE_n (write-protected), then RD_DIS / WR_DIS of the block. */
    private void keyBlockKey(EfuseBlock b, KeyPurpose purpose, byte[] key, boolean writeProtect,
                             boolean readProtect) {
        if (!b.isKeyBlock()) {
            throw refused(b, RefusalReason.PURPOSE_NOT_AVAILABLE, "not a key block");
        }
        if (purpose == null || !purpose.availableOn(chip.family())) {
            throw refused(b, RefusalReason.PURPOSE_NOT_AVAILABLE, purpose + " on " + chip.family().displayName());
        }
        if (chip instanceof Esp32S3Efuse && b.index() == 9 && purpose.isXtsKey()) {
            throw refused(b, RefusalReason.XTS_KEY_IN_KEY_PURPOSE_5, purpose.name());
        }
        byte[] data = purpose.isXtsKey() ? EfuseDecoder.reversed(key) : key.clone();
        try {
            saveKeyData(b, data);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
        EfuseField purposeField = chip.fields().field(b.keyPurposeField().orElseThrow()).orElseThrow();
        boolean purposeWriteable = staging.protection().writeable(purposeField);
        if (staging.currentNumber(purposeField) != purpose.efuseValue()) {
            if (!purposeWriteable) {
                throw new EfuseBurnRefusedException(purposeField.name(), staging.describeField(purposeField),
                        RefusalReason.WRITE_PROTECTED, "cannot change it to " + purpose);
            }
            staging.saveField(purposeField, FieldBits.placeNumber(staging.blockWords(0), purposeField,
                    purpose.efuseValue()));
        }
        if (purposeWriteable) {
            staging.disableWrite(purposeField.name(), purposeField.writeDisableBit(),
                    staging.describeField(purposeField));
        }
        if (readProtect && needsReadProtection(purpose)) {
            staging.disableRead(b.name(), b.readDisableBit(), staging.describeBlock(b));
        }
        if (writeProtect) {
            staging.disableWrite(b.name(), b.writeDisableBit(), staging.describeBlock(b));
        }
    }

    /** espefuse {@code need_rd_protect}: XTS-AES and HMAC keys; USER, RESERVED and digests stay readable. */
    static boolean needsReadProtection(KeyPurpose purpose) {
        return purpose.isXtsKey() || purpose.name().startsWith("HMAC_");
    }

    private void saveKeyData(EfuseBlock b, byte[] data) {
        int size = staging.blockWords(b.index()) * 4;
        if (data.length != size) {
            throw refused(b, RefusalReason.WRONG_LENGTH, "the block takes " + size + " bytes, given " + data.length);
        }
        staging.saveBlock(b, data);
    }

    /** espefuse {@code get_next_key_block}: the next unused key block after {@code first}, wrapping around. */
    private EfuseBlock nextFreeKeyBlock(EfuseBlock first) {
        int n = chip.blocks().size();
        for (int step = 1; step < n; step++) {
            EfuseBlock b = chip.block((first.index() + step) % n);
            if (b.isKeyBlock() && !namedKeyBlocks.contains(b.index()) && isUnused(b)) {
                return b;
            }
        }
        throw refused(first, RefusalReason.NO_FREE_KEY_BLOCK, null);
    }

    private boolean isUnused(EfuseBlock b) {
        EfuseField purpose = chip.fields().field(b.keyPurposeField().orElseThrow()).orElseThrow();
        Protection p = staging.protection();
        return p.readable(b) && p.writeable(b) && p.writeable(purpose) && staging.currentNumber(purpose) == 0
                && staging.pendingNumber(purpose) == 0 && Words.isZero(staging.current(b.index()))
                && Words.isZero(staging.pending(b.index()));
    }

    private EfuseBlock block(String name) {
        return chip.block(name).orElseThrow(() ->
                new EfuseBurnRefusedException(name, "-", RefusalReason.UNKNOWN_NAME, "not a block"));
    }

    private EfuseBurnRefusedException refused(EfuseBlock b, RefusalReason reason, String detail) {
        return new EfuseBurnRefusedException(b.name(), staging.describeBlock(b), reason, detail);
    }
}
