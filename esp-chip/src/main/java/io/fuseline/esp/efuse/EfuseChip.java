package io.fuseline.esp.efuse;

import io.fuseline.esp.ChipFamily;
import java.util.List;
import java.util.Optional;

/**
 * The eFuse controller of one chip family: its register window, its blocks and how each block is coded. One
 * implementation per family holds the constants; all are immutable singletons and thread-safe.
 */
public sealed interface EfuseChip permits Esp32Efuse, Esp32S3Efuse, Esp32C3Efuse {

    /** The eFuse chip description of a family. */
    static EfuseChip of(ChipFamily family) {
        return switch (family) {
            case ESP32 -> Esp32Efuse.INSTANCE;
            case ESP32S3 -> Esp32S3Efuse.INSTANCE;
            case ESP32C3 -> Esp32C3Efuse.INSTANCE;
        };
    }

    ChipFamily family();

    /** DR_REG_EFUSE_BASE: the address of offset 0 of the register window. */
    long baseAddress();

    /** Size of the register window in bytes (EFUSE_MEM_SIZE: the size of a {@code regs.bin} image). */
    int windowBytes();

    /** The blocks, index order (BLOCK0 first). */
    List<EfuseBlock> blocks();

    /** Offset of the controller's CONF register (0x5A5A before a program, 0x5AA5 before a read). */
    int confOffset();

    /** Offset of the controller's CMD register. */
    int cmdOffset();

    /**
     * The coding of a block given the current registers: ESP32 reads CODING_SCHEME (for BLOCK1-3), ESP32-S3/C3
     * use Reed-Solomon for every block but BLOCK0.
     */
    CodingScheme codingScheme(int blockIndex, EfuseRegisters registers);

    /**
     * Whether the controller reports coding errors for a block: ESP32-S3/C3 from RD_RS_ERR0/1 (BLOCK1..10),
     * ESP32 from DEC_STATUS (3/4 decoding, BLOCK1-3). BLOCK0's repeat-copy errors are not decoded here.
     */
    boolean hasCodingErrors(int blockIndex, EfuseRegisters registers);

    /** The field table of this family. */
    default EfuseFieldCatalog fields() {
        return EfuseFieldCatalog.of(family());
    }

    default EfuseBlock block(int index) {
        return blocks().get(index);
    }

    /** A block by espefuse name or alias (BLOCK1, flash_encryption, BLOCK_KEY0, BLOCK4, ...). */
    default Optional<EfuseBlock> block(String nameOrAlias) {
        return blocks().stream().filter(b -> b.isNamed(nameOrAlias)).findFirst();
    }

    /** The absolute address of a register offset. */
    default long address(int offset) {
        return baseAddress() + offset;
    }
}
