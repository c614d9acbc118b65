package io.fuseline.esp.efuse;

import io.fuseline.esp.ChipFamily;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a provisioning step needs to know about a chip's eFuses, decoded from one register snapshot by
 * {@link EfuseDecoder}: every field of the family's table, per-block protection, the key blocks with their
 * purposes, and the flash-encryption and Secure Boot state. Immutable.
 *
 * @param fields        every field of the family's table, table order, by espefuse name
 * @param blocks        per block, index order
 * @param keyBlocks     ESP32: BLOCK1 (flash encryption) and BLOCK2 (Secure Boot); ESP32-S3/C3: BLOCK_KEY0..5
 * @param codingScheme  the coding of BLOCK1 (and of every data block: ESP32 BLOCK1-3 share CODING_SCHEME)
 */
public record EfuseSummary(ChipFamily family, Map<String, DecodedField> fields, List<BlockState> blocks,
                           List<KeyBlockState> keyBlocks, FlashEncryptionState flashEncryption,
                           SecureBootState secureBoot, CodingScheme codingScheme) {
    public EfuseSummary {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        blocks = List.copyOf(blocks);
        keyBlocks = List.copyOf(keyBlocks);
    }

    /**
     * A block's protection and content.
     *
     * @param data           the data words as read (memory order); zeros when read-protected
     * @param readProtected  the block's RD_DIS bit is set: software reads zeros, the hardware still uses the key
     * @param writeProtected the block's WR_DIS bit is set: no more bits can be burned
     */
    public record BlockState(EfuseBlock block, CodingScheme coding, FieldValue.Bytes data, boolean readProtected,
                             boolean writeProtected) {
        /** Whether the block reads as all zeros (for a read-protected block that says nothing). */
        public boolean readsEmpty() { return data.isZero(); }
    }

    /**
     * A key block.
     *
     * @param purpose                what the block holds; empty for a KEY_PURPOSE value unknown to Fuseline
     * @param rawPurpose             KEY_PURPOSE_n (ESP32: -1)
     * @param purposeWriteProtected  KEY_PURPOSE_n is write-protected (ESP32: false)
     */
    public record KeyBlockState(EfuseBlock block, Optional<KeyPurpose> purpose, int rawPurpose,
                                boolean readProtected, boolean writeProtected, boolean purposeWriteProtected,
                                boolean readsEmpty) {
    }

    /**
     * Flash encryption: enabled iff the counter field (ESP32 FLASH_CRYPT_CNT, 7 bits; ESP32-S3/C3
     * SPI_BOOT_CRYPT_CNT, 3 bits) has an odd number of bits set.
     */
    public record FlashEncryptionState(String counterField, int counter, boolean enabled, boolean writeProtected) {
    }

    /**
     * Secure Boot: ESP32 ABS_DONE_1 (V2) / ABS_DONE_0 (V1); ESP32-S3/C3 SECURE_BOOT_EN (V2 only).
     */
    public record SecureBootState(boolean v2Enabled, boolean v1Enabled) {
        public boolean enabled() { return v2Enabled || v1Enabled; }
    }

    /** A field by espefuse name or alias. */
    public Optional<DecodedField> field(String name) {
        DecodedField f = fields.get(name);
        if (f != null) {
            return Optional.of(f);
        }
        return fields.values().stream().filter(x -> x.field().aliases().contains(name)).findFirst();
    }

    /** A field's value; fails with the field name when the family has no such field. */
    public FieldValue value(String name) {
        return field(name).orElseThrow(() -> new IllegalArgumentException(
                family.displayName() + " has no eFuse field " + name)).value();
    }

    public BlockState block(int index) {
        return blocks.get(index);
    }
}
