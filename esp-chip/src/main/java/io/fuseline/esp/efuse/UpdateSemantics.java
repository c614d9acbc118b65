package io.fuseline.esp.efuse;

/** How a {@link RegisterOp.Update} changes a register. */
public enum UpdateSemantics {
    /**
     * What esptool does over the serial loader and so what a chip sees: read, clear the masked bits, insert the
     * value shifted to the mask's lowest bit. ESP32-S3 DAC_CONF becomes 0x0001FE28, WR_TIM_CONF1 0x00300000.
     */
    CHIP,
    /**
     * What espefuse's emulated controller ({@code --virt}) does: OR in {@code value & mask}, unshifted. Its virtual
     * eFuse files therefore hold ESP32 CLK 0xA0 instead of 0xFFA0 and ESP32-S3 WR_TIM_CONF1 0x3000; only the
     * data windows are comparable with a chip.
     */
    ESPEFUSE_VIRTUAL;

    int apply(int old, int mask, int value) {
        if (this == ESPEFUSE_VIRTUAL) {
            return old | (value & mask);
        }
        int shift = Integer.numberOfTrailingZeros(mask);
        return (old & ~mask) | ((value << shift) & mask);
    }
}
