package io.fuseline.esp.nvs;

/** The 32-byte page header: state, sequence number, format version, CRC over bytes [4,28). */
final class PageHeader {
    private PageHeader() {
    }

    /** Writes a header with sequence number = page index, as the generator numbers its pages. */
    static void write(byte[] image, int pageOff, int state, NvsFormat format) {
        NvsLayout.putU32(image, pageOff, state);
        NvsLayout.putU32(image, pageOff + 4, pageOff / NvsLayout.PAGE_SIZE);
        image[pageOff + 8] = (byte) format.versionByte();
        NvsLayout.putU32(image, pageOff + 28, NvsCrc.of(image, pageOff + 4, 24));
    }

    static int state(byte[] image, int pageOff) {
        return NvsLayout.u32(image, pageOff);
    }

    static long sequence(byte[] image, int pageOff) {
        return NvsLayout.u32(image, pageOff + 4) & 0xFFFFFFFFL;
    }

    static boolean crcMatches(byte[] image, int pageOff) {
        return NvsLayout.u32(image, pageOff + 28) == NvsCrc.of(image, pageOff + 4, 24);
    }
}
