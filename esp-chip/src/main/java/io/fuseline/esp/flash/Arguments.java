package io.fuseline.esp.flash;

import java.util.Objects;

/** The argument checks every flash encryption mode shares; messages name the offending value. */
final class Arguments {
    private Arguments() {
    }

    static void check(long address, byte[] in, int off, int len, byte[] out, int outOff, long limit, String mode) {
        Objects.checkFromIndexSize(off, len, in.length);
        Objects.checkFromIndexSize(outOff, len, out.length);
        if ((address & 0xF) != 0) {
            throw new FlashEncryptionArgumentException(
                    "flash address 0x" + Long.toHexString(address) + " is not a multiple of 16");
        }
        if ((len & 0xF) != 0) {
            throw new FlashEncryptionArgumentException(
                    "data length " + len + " is not a multiple of 16 (pad the image before encrypting)");
        }
        if (address < 0 || address + len > limit) {
            throw new FlashEncryptionArgumentException(mode + " flash range 0x" + Long.toHexString(address)
                    + "+" + len + " bytes leaves the address space (limit 0x" + Long.toHexString(limit) + ")");
        }
    }
}
