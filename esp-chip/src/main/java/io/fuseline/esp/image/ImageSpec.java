package io.fuseline.esp.image;

import java.util.Arrays;
import java.util.List;

/**
 * What {@link AppImageWriter} builds an image from: the header fields and the segments as an ELF file
 * would give them (load address and data, in any order; the writer adds the padding segments the
 * layout needs).
 *
 * @param chip         target chip (chip id, flash windows, frequency codes)
 * @param mode         SPI flash mode
 * @param size         flash size
 * @param frequency    flash clock (must exist for the chip)
 * @param entryPoint   address the ROM or bootloader jumps to
 * @param minRevFull   minimal chip revision, major * 100 + minor
 * @param maxRevFull   maximal chip revision, major * 100 + minor (0xFFFF = no limit)
 * @param hashAppended append the SHA-256 (required for Secure Boot V2 and by ESP-IDF apps)
 * @param securePadV2  pad so the image ends on a 64 KB boundary ({@code --secure-pad-v2})
 * @param segments     the segments
 */
public record ImageSpec(ImageChip chip, FlashMode mode, FlashSize size, FlashFrequency frequency, long entryPoint,
                        int minRevFull, int maxRevFull, boolean hashAppended, boolean securePadV2,
                        List<Segment> segments) {
    /** Maximal chip revision meaning "any". */
    public static final int ANY_REVISION = 0xFFFF;

    public ImageSpec {
        segments = List.copyOf(segments);
        if (securePadV2 && !hashAppended) {
            throw new IllegalArgumentException("secure padding applies only to images with an appended SHA-256");
        }
    }

    /**
     * A minimal valid ESP-IDF-style app for {@code chip}: DIO, 4MB, 40m, no chip-revision limit, SHA-256
     * appended, and a single DROM segment holding {@code descriptor} at {@code dromStart + 0x20}. The entry
     * point is the start of IRAM: the image is for provisioning flows and tests, not for running code.
     */
    public static ImageSpec minimalApp(ImageChip chip, AppDescriptor descriptor) {
        return new ImageSpec(chip, FlashMode.DIO, FlashSize.MB4, FlashFrequency.F40M, chip.iramStart(), 0,
                ANY_REVISION, true, false, List.of(Segment.appDescriptor(chip, descriptor, new byte[0])));
    }

    /** This spec with other segments. */
    public ImageSpec withSegments(List<Segment> newSegments) {
        return new ImageSpec(chip, mode, size, frequency, entryPoint, minRevFull, maxRevFull, hashAppended,
                securePadV2, newSegments);
    }

    /** This spec with or without Secure Boot V2 padding. */
    public ImageSpec withSecurePadV2(boolean pad) {
        return new ImageSpec(chip, mode, size, frequency, entryPoint, minRevFull, maxRevFull, hashAppended, pad,
                segments);
    }

    /** The 24-byte header this spec produces, with segment count 0 (the writer fills it in). */
    public ImageHeader header() {
        return ImageHeader.of(chip, mode, size, frequency, entryPoint, minRevFull, maxRevFull, hashAppended);
    }

    /** Data to load at {@code loadAddress}. */
    public record Segment(long loadAddress, byte[] data) {
        public Segment {
            if (loadAddress < 0 || loadAddress > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("load address is a u32, got " + loadAddress);
            }
            data = data.clone();
        }

        /**
         * The DROM segment an ESP-IDF app starts with: {@code descriptor} followed by {@code rodata}, loaded
         * at {@code chip.dromStart() + 0x20} so that it lands at file offset 0x20 = its MMU page offset.
         */
        public static Segment appDescriptor(ImageChip chip, AppDescriptor descriptor, byte[] rodata) {
            byte[] d = Arrays.copyOf(descriptor.toBytes(), AppDescriptor.LENGTH + rodata.length);
            System.arraycopy(rodata, 0, d, AppDescriptor.LENGTH, rodata.length);
            return new Segment(chip.dromStart() + 0x20, d);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Segment s && loadAddress == s.loadAddress && Arrays.equals(data, s.data);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(loadAddress) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("Segment[load=0x%08x, length=0x%x]", loadAddress, data.length);
        }
    }
}
