package io.fuseline.esp.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facts {@code esptool image_info} reports about an image file; {@link ImageInfoText} renders them
 * as esptool v4.12.0 prints them.
 *
 * @param fileSize         size of the whole file (image plus anything after it)
 * @param chip             the chip named by the extended header
 * @param header           the header as read
 * @param segments         one row per segment, in file order
 * @param storedChecksum   the checksum byte as read
 * @param computedChecksum the checksum computed over the segment data
 * @param digest           stored and computed SHA-256, when one is appended
 * @param app              the app descriptor, if the first DROM segment carries one
 * @param bootloader       the bootloader descriptor, if there is no DROM segment and a DRAM segment has one
 */
public record ImageInfo(int fileSize, ImageChip chip, ImageHeader header, List<SegmentInfo> segments,
                        int storedChecksum, int computedChecksum, Optional<ImageDigest> digest,
                        Optional<AppDescriptor> app, Optional<BootloaderDescriptor> bootloader) {
    /** esptool's image format version for every ESP32-family image. */
    public static final int IMAGE_VERSION = 1;

    public ImageInfo {
        segments = List.copyOf(segments);
    }

    /** One row of the segment table: "File offs" is the offset of the segment header. */
    public record SegmentInfo(int index, int length, long loadAddress, int fileOffset, List<String> memoryTypes) {
        public SegmentInfo {
            memoryTypes = List.copyOf(memoryTypes);
        }
    }

    /**
     * Parses {@code file} and collects the facts.
     *
     * @throws ImageFormatException as {@link AppImage#parse}, or {@link ImageProblem.UnknownChip}
     */
    public static ImageInfo of(byte[] file) {
        AppImage image = AppImage.parse(file);
        ImageChip chip = image.requireChip();
        List<SegmentInfo> rows = new ArrayList<>();
        byte[] appSegment = null;
        byte[] bootSegment = null;
        for (int i = 0; i < image.segments().size(); i++) {
            ImageSegment s = image.segments().get(i);
            List<String> types = chip.memoryTypes(s.loadAddress());
            rows.add(new SegmentInfo(i, s.length(), s.loadAddress(), s.fileOffset(), types));
            // esptool takes the first DROM segment for the app descriptor, and the last DRAM segment of
            // at least 80 bytes for the bootloader descriptor.
            if (types.contains("DROM") && appSegment == null) {
                appSegment = s.head(AppDescriptor.LENGTH);
            } else if (types.contains("DRAM") && s.length() >= BootloaderDescriptor.LENGTH) {
                bootSegment = s.head(BootloaderDescriptor.LENGTH);
            }
        }
        Optional<AppDescriptor> app = Optional.empty();
        Optional<BootloaderDescriptor> boot = Optional.empty();
        // An empty DROM segment counts as "no DROM segment" (esptool tests the bytes for truth).
        if (appSegment != null && appSegment.length > 0) {
            app = AppDescriptor.parse(appSegment);
        } else if (bootSegment != null) {
            boot = BootloaderDescriptor.parse(bootSegment);
        }
        return new ImageInfo(file.length, chip, image.header(), rows, image.storedChecksum(),
                image.computedChecksum(), image.digest(), app, boot);
    }

    /** True if the stored checksum equals the computed one. */
    public boolean checksumValid() {
        return storedChecksum == computedChecksum;
    }
}
