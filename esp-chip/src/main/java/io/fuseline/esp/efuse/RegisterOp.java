package io.fuseline.esp.efuse;

/**
 * One register operation of an eFuse program sequence, as a host performs it through the ROM loader
 * (READ_REG / WRITE_REG). Addresses are absolute.
 */
public sealed interface RegisterOp {

    /** WRITE_REG of a whole word. */
    record Write(long address, int value) implements RegisterOp {
        @Override
        public String toString() { return String.format("write 0x%08x=0x%08x", address, value); }
    }

    /**
     * esptool's {@code update_reg(address, mask, value)}: over the serial loader a READ_REG followed by
     * WRITE_REG {@code (old & ~mask) | ((value << lowestSetBit(mask)) & mask)}; see {@link UpdateSemantics} for how
     * espefuse's emulated controller differs.
     */
    record Update(long address, int mask, int value) implements RegisterOp {
        @Override
        public String toString() { return String.format("update 0x%08x mask 0x%08x <- 0x%x", address, mask, value); }
    }

    /** Poll (READ_REG) until {@code (register & mask) == 0}: the controller finished its command. */
    record AwaitIdle(long address, int mask) implements RegisterOp {
        @Override
        public String toString() { return String.format("await 0x%08x & 0x%08x == 0", address, mask); }
    }
}
