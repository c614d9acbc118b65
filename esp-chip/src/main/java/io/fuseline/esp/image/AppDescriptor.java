package io.fuseline.esp.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code esp_app_desc_t}, the 256 bytes at the start of an ESP-IDF app's first DROM segment (file offset
 * 0x20): magic 0xABCD5432, secure_version, version[32], project_name[32], time[16], date[16],
 * idf_ver[32], app_elf_sha256[32], min/max eFuse block revision (major * 100 + minor), log2 of the MMU
 * page size (0 = not recorded). Strings are NUL-padded; {@link #toBytes()} refuses strings that do not
 * fit with their terminating NUL. The bootloader compares {@code secureVersion} with the anti-rollback
 * eFuse.
 */
public record AppDescriptor(long secureVersion, String version, String projectName, String time, String date,
                            String idfVersion, byte[] appElfSha256, int minEfuseBlockRevFull,
                            int maxEfuseBlockRevFull, int mmuPageSizeLog2) {
    /** Bytes of the structure. */
    public static final int LENGTH = 256;
    /** The magic word, u32 at offset 0. */
    public static final long MAGIC = 0xABCD5432L;

    public AppDescriptor {
        if (appElfSha256.length != 32) {
            throw new IllegalArgumentException("app_elf_sha256 is 32 bytes, got " + appElfSha256.length);
        }
        appElfSha256 = appElfSha256.clone();
    }

    /** A descriptor with the given identity, zero ELF hash, eFuse block revisions 0.0..0.99, 64 KB pages. */
    public static AppDescriptor of(String projectName, String version, long secureVersion) {
        return new AppDescriptor(secureVersion, version, projectName, "00:00:00", "Jan  1 2025", "fuseline",
                new byte[32], 0, 99, 16);
    }

    @Override
    public byte[] appElfSha256() {
        return appElfSha256.clone();
    }

    /** The 256 bytes of the structure. */
    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        Le.put32(b, 0, MAGIC);
        Le.put32(b, 4, secureVersion);
        text(b, 0x10, 32, version, "version");
        text(b, 0x30, 32, projectName, "project_name");
        text(b, 0x50, 16, time, "time");
        text(b, 0x60, 16, date, "date");
        text(b, 0x70, 32, idfVersion, "idf_ver");
        System.arraycopy(appElfSha256, 0, b, 0x90, 32);
        Le.put16(b, 0xB0, minEfuseBlockRevFull);
        Le.put16(b, 0xB2, maxEfuseBlockRevFull);
        b[0xB4] = (byte) mmuPageSizeLog2;
        return b;
    }

    /** The descriptor at the start of {@code segmentData}, empty if it is shorter than 256 bytes or lacks the magic. */
    public static Optional<AppDescriptor> parse(byte[] segmentData) {
        if (segmentData.length < LENGTH || Le.u32(segmentData, 0) != MAGIC) {
            return Optional.empty();
        }
        byte[] b = segmentData;
        return Optional.of(new AppDescriptor(Le.u32(b, 4), text(b, 0x10, 32), text(b, 0x30, 32),
                text(b, 0x50, 16), text(b, 0x60, 16), text(b, 0x70, 32), Arrays.copyOfRange(b, 0x90, 0xB0),
                Le.u16(b, 0xB0), Le.u16(b, 0xB2), Le.u8(b, 0xB4)));
    }

    /** MMU page size in bytes, empty when the descriptor does not record one (0) or records no sane one (> 2^24). */
    public Optional<Integer> mmuPageSize() {
        return mmuPageSizeLog2 == 0 || mmuPageSizeLog2 > 24 ? Optional.empty() : Optional.of(1 << mmuPageSizeLog2);
    }

    // esptool decodes the whole field and drops every NUL (not only the padding); do the same.
    static String text(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8).replace("\0", "");
    }

    private static void text(byte[] b, int off, int len, String value, String field) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length >= len) {
            throw new IllegalArgumentException(field + " holds at most " + (len - 1) + " UTF-8 bytes, got "
                    + utf8.length + ": '" + value + "'");
        }
        System.arraycopy(utf8, 0, b, off, utf8.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppDescriptor d && secureVersion == d.secureVersion && version.equals(d.version)
                && projectName.equals(d.projectName) && time.equals(d.time) && date.equals(d.date)
                && idfVersion.equals(d.idfVersion) && Arrays.equals(appElfSha256, d.appElfSha256)
                && minEfuseBlockRevFull == d.minEfuseBlockRevFull && maxEfuseBlockRevFull == d.maxEfuseBlockRevFull
                && mmuPageSizeLog2 == d.mmuPageSizeLog2;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(secureVersion, version, projectName, time, date, idfVersion,
                Arrays.hashCode(appElfSha256), minEfuseBlockRevFull, maxEfuseBlockRevFull, mmuPageSizeLog2);
    }

    @Override
    public String toString() {
        return "AppDescriptor[" + projectName + " " + version + ", secureVersion=" + secureVersion + ", idf="
                + idfVersion + ", elfSha256=" + HexFormat.of().formatHex(appElfSha256) + "]";
    }
}
