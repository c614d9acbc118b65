package io.fuseline.esp.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parsed ESP32-family image (app or bootloader). {@link #parse} reads the structure and fails only on
 * what makes the rest unreadable; {@link #verify()} then reports every integrity problem at once.
 * Bytes after the image (a Secure Boot V2 signature sector, 0xFF flash padding) are ignored, as esptool
 * and the bootloader ignore them. Immutable, thread-safe.
 *
 * @param header         the 24-byte header
 * @param segments       the segments in file order, padding segments included
 * @param storedChecksum the checksum byte (last byte of a 16-byte line)
 * @param digest         stored and computed SHA-256 when the header says one is appended
 * @param length         bytes the image occupies: through the checksum, plus 32 if a digest is appended
 */
public record AppImage(ImageHeader header, List<ImageSegment> segments, int storedChecksum,
                       Optional<ImageDigest> digest, int length) {
    /** Most segments the ROM loader accepts. */
    public static final int MAX_SEGMENTS = 16;
    /** Initial value of the XOR checksum. */
    public static final int CHECKSUM_SEED = 0xEF;
    /** The MMU page size the flash-mapped segment rule uses unless the app descriptor says otherwise. */
    public static final int DEFAULT_MMU_PAGE = 0x10000;

    public AppImage {
        segments = List.copyOf(segments);
    }

    /**
     * Reads the image at the start of {@code bytes}.
     *
     * @throws ImageFormatException naming what was read and expected: bad magic, hash-appended flag not
     *                              0/1, more than 16 segments, or a segment, checksum or digest cut off
     */
    public static AppImage parse(byte[] bytes) {
        ImageHeader header = ImageHeader.parse(bytes);
        if (header.segmentCount() > MAX_SEGMENTS) {
            throw new ImageFormatException(new ImageProblem.TooManySegments(header.segmentCount()));
        }
        List<ImageSegment> segments = new ArrayList<>();
        int pos = ImageHeader.LENGTH;
        for (int i = 0; i < header.segmentCount(); i++) {
            need(bytes, pos, ImageSegment.HEADER_LENGTH, "header of segment " + i);
            long length = Le.u32(bytes, pos + 4);
            need(bytes, pos + ImageSegment.HEADER_LENGTH, length, "data of segment " + i);
            byte[] data = Arrays.copyOfRange(bytes, pos + 8, pos + 8 + (int) length);
            segments.add(new ImageSegment(Le.u32(bytes, pos), pos, data));
            pos += 8 + (int) length;
        }
        int checksumAt = checksumPosition(pos);
        need(bytes, checksumAt, 1, "checksum");
        int end = checksumAt + 1;
        Optional<ImageDigest> digest = Optional.empty();
        if (header.hashAppended()) {
            need(bytes, end, ImageDigest.LENGTH, "appended SHA-256");
            digest = Optional.of(new ImageDigest(Arrays.copyOfRange(bytes, end, end + ImageDigest.LENGTH),
                    ImageDigest.sha256(bytes, end)));
            end += ImageDigest.LENGTH;
        }
        return new AppImage(header, segments, Le.u8(bytes, checksumAt), digest, end);
    }

    /** Where the checksum goes after segments ending at {@code pos}: the last byte of a 16-byte line. */
    static int checksumPosition(int pos) {
        return pos + 15 - pos % 16;
    }

    private static void need(byte[] bytes, long from, long count, String what) {
        if (from + count > bytes.length) {
            throw new ImageFormatException(new ImageProblem.Truncated(what, from + count, bytes.length));
        }
    }

    /** 0xEF XOR every data byte of every segment, as the ROM computes it. */
    public int computedChecksum() {
        int c = CHECKSUM_SEED;
        for (ImageSegment s : segments) {
            c = s.foldChecksum(c);
        }
        return c;
    }

    /** The chip the header names, if known here. */
    public Optional<ImageChip> chip() {
        return header.chip();
    }

    /** The chip, or an {@link ImageFormatException} with {@link ImageProblem.UnknownChip}. */
    public ImageChip requireChip() {
        return chip().orElseThrow(() -> new ImageFormatException(new ImageProblem.UnknownChip(header.chipId())));
    }

    /**
     * The {@code esp_app_desc_t} at the start of the first DROM segment, empty for bootloaders, non-IDF
     * images and images of unknown chips.
     */
    public Optional<AppDescriptor> appDescriptor() {
        return firstDromSegment().flatMap(s -> AppDescriptor.parse(s.head(AppDescriptor.LENGTH)));
    }

    Optional<ImageSegment> firstDromSegment() {
        return chip().flatMap(c -> segments.stream()
                .filter(s -> c.memoryTypes(s.loadAddress()).contains("DROM")).findFirst());
    }

    /**
     * Every integrity problem: checksum mismatch, digest mismatch, flash-mapped segments off their MMU
     * page offset. Empty means the ROM and bootloader accept the image's structure.
     */
    public List<ImageProblem> verify() {
        List<ImageProblem> problems = new ArrayList<>();
        int computed = computedChecksum();
        if (computed != storedChecksum) {
            problems.add(new ImageProblem.ChecksumMismatch(storedChecksum, computed));
        }
        digest.filter(d -> !d.valid())
                .ifPresent(d -> problems.add(new ImageProblem.DigestMismatch(d.stored(), d.computed())));
        chip().ifPresent(chip -> {
            int page = appDescriptor().flatMap(AppDescriptor::mmuPageSize).orElse(DEFAULT_MMU_PAGE);
            for (int i = 0; i < segments.size(); i++) {
                ImageSegment s = segments.get(i);
                if (chip.isFlashMapped(s.loadAddress()) && s.dataOffset() % page != s.loadAddress() % page) {
                    problems.add(new ImageProblem.FlashSegmentMisaligned(i, s.loadAddress(), s.dataOffset(), page));
                }
            }
        });
        return List.copyOf(problems);
    }

    /** True when {@link #verify()} finds nothing. */
    public boolean valid() {
        return verify().isEmpty();
    }

    /**
     * True if the image ends on a 64 KB boundary ({@code elf2image --secure-pad-v2}), so a Secure Boot V2
     * signature sector appended right after it lies outside every flash-mapped page and the signature
     * covers all mapped content.
     */
    public boolean securePaddedV2() {
        return header.hashAppended() && length % DEFAULT_MMU_PAGE == 0;
    }
}
