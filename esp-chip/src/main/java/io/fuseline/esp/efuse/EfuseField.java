package io.fuseline.esp.efuse;

import java.util.List;
import java.util.OptionalInt;

/**
 * One named eFuse field of a chip, as in espefuse's tables: which block, which 32-bit word of that block's read
 * registers, the bit position and length, and the WR_DIS / RD_DIS bits that protect it.
 */
public record EfuseField(String name, int block, int word, int position, int bitLength, String type,
                         OptionalInt writeDisableBit, OptionalInt readDisableBit, List<String> aliases,
                         String description) {
    public EfuseField {
        aliases = List.copyOf(aliases);
    }
}
