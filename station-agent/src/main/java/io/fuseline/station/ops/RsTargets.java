package io.fuseline.station.ops;

import io.fuseline.esp.MacAddress;

/** Facts the ESP32-S3 and ESP32-C3 share: eFuse BLOCK1 layout of MAC and revision. */
final class RsTargets {

    /** BLOCK1 (MAC_SPI_8M) read offset in the eFuse window. */
    static final int BLOCK1 = io.fuseline.esp.target.Esp32S3Rom.EFUSE_BLOCK1;

    private RsTargets() {
    }

    static MacAddress readMac(int efuseBase, RegisterReader regs) throws LoaderException {
        return LoaderTarget.macOf(regs.read(efuseBase + BLOCK1 + 4) & 0xFFFF, regs.read(efuseBase + BLOCK1));
    }

    /** Major = BLOCK1 word 5 [25:24]; minor = word 5 bit 23 (high bit) and word 3 [20:18]. */
    static ChipRevision readRevision(int efuseBase, RegisterReader regs) throws LoaderException {
        int word3 = regs.read(efuseBase + BLOCK1 + 12);
        int word5 = regs.read(efuseBase + BLOCK1 + 20);
        return new ChipRevision(word5 >>> 24 & 3, (word5 >>> 23 & 1) << 3 | (word3 >>> 18 & 7));
    }
}
