package io.fuseline.esp.image;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Writes an image the way {@code esptool elf2image} lays it out (NOTES §c.1), so that for the same
 * segments and header the bytes are identical to esptool's: flash-mapped segments first, each placed so
 * that its data's offset within a 64 KB MMU page equals its load address's, the gap before it filled
 * with pieces of RAM segments and then a zero PADDING segment (load address 0); remaining RAM segments;
 * with Secure Boot V2 padding, a PADDING segment so the image ends on a 64 KB boundary; the checksum
 * (0xEF XOR all segment data) as the last byte of a 16-byte line; the SHA-256 of everything before.
 * Stateless, thread-safe.
 */
public final class AppImageWriter {
    private static final int PAGE = AppImage.DEFAULT_MMU_PAGE;
    private static final int HDR = ImageSegment.HEADER_LENGTH;
    // The ESP32 second-stage bootloader failed to map the last page of a flash segment ending less than
    // 0x24 bytes into it; esptool extends such segments and so do we.
    private static final int ESP32_MIN_PAGE_TAIL = 0x24;

    private AppImageWriter() {
    }

    /**
     * The image bytes for {@code spec}.
     *
     * @throws IllegalArgumentException if two flash-mapped segments share a 64 KB page, a segment is
     *                                  16 MB or longer, or more than 16 segments would result
     */
    public static byte[] write(ImageSpec spec) {
        ImageChip chip = spec.chip();
        Deque<Piece> flash = new ArrayDeque<>();
        Deque<Piece> ram = new ArrayDeque<>();
        spec.segments().stream().map(Piece::of).sorted(Comparator.comparingLong(Piece::addr))
                .forEach(p -> (chip.isFlashMapped(p.addr) ? flash : ram).add(p));
        requireOnePerPage(List.copyOf(flash));

        Out out = new Out(spec.header().toBytes());
        while (!flash.isEmpty()) {
            Piece next = flash.peek();
            int pad = paddingBefore(out.size(), next.addr);
            if (pad == 0) {
                flash.pop();
                out.segment(chip == ImageChip.ESP32 ? extendTail(next, out.size()) : next);
            } else if (!ram.isEmpty() && pad > HDR) {
                out.segment(takeFront(ram, pad));
            } else {
                out.segment(new Piece(0, new byte[pad]));
            }
        }
        ram.forEach(out::segment);
        if (spec.securePadV2()) {
            // 16 bytes for the aligned checksum line and 32 for the digest must still fit before the boundary
            int pad = Math.floorMod(PAGE - (out.size() + HDR) % PAGE - 16 - ImageDigest.LENGTH, PAGE);
            out.segment(new Piece(0, new byte[pad]));
        }
        return out.finish(spec.hashAppended());
    }

    /** Bytes of padding-segment data needed so the next segment's data lands on its page offset. */
    private static int paddingBefore(int pos, long addr) {
        long pad = PAGE - pos % PAGE + (addr % PAGE - HDR);
        if (pad == 0 || pad == PAGE) {
            return 0;
        }
        pad -= HDR; // the padding segment has a header too
        return (int) (pad < 0 ? pad + PAGE : pad);
    }

    private static Piece takeFront(Deque<Piece> ram, int n) {
        Piece first = ram.pop();
        if (first.data.length > n) {
            ram.push(new Piece(first.addr + n, Arrays.copyOfRange(first.data, n, first.data.length)));
            return new Piece(first.addr, Arrays.copyOf(first.data, n));
        }
        return first;
    }

    private static Piece extendTail(Piece p, int pos) {
        int tail = (pos + HDR + p.data.length) % PAGE;
        return tail >= ESP32_MIN_PAGE_TAIL ? p
                : new Piece(p.addr, Arrays.copyOf(p.data, p.data.length + ESP32_MIN_PAGE_TAIL - tail));
    }

    private static void requireOnePerPage(List<Piece> flash) {
        for (int i = 1; i < flash.size(); i++) {
            if (flash.get(i).addr / PAGE == flash.get(i - 1).addr / PAGE) {
                throw new IllegalArgumentException(String.format("flash segments at 0x%08x and 0x%08x share a 64 KB "
                        + "MMU page; merge them", flash.get(i - 1).addr, flash.get(i).addr));
            }
        }
    }

    /** A segment being laid out; real segments are zero-padded to 4 bytes as elf2image does. */
    private record Piece(long addr, byte[] data) {
        static Piece of(ImageSpec.Segment s) {
            byte[] d = s.data();
            return new Piece(s.loadAddress(), d.length % 4 == 0 ? d : Arrays.copyOf(d, (d.length + 3) & ~3));
        }
    }

    /** The image being written, with the running checksum and segment count. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int checksum = AppImage.CHECKSUM_SEED;
        private int count;

        Out(byte[] header) {
            bytes.writeBytes(header);
        }

        int size() {
            return bytes.size();
        }

        void segment(Piece p) {
            if (p.data.length >= 0x100_0000) {
                throw new IllegalArgumentException(String.format("segment at 0x%08x is 0x%x bytes, limit is 16 MB",
                        p.addr, p.data.length));
            }
            byte[] h = new byte[HDR];
            Le.put32(h, 0, p.addr);
            Le.put32(h, 4, p.data.length);
            bytes.writeBytes(h);
            bytes.writeBytes(p.data);
            for (byte b : p.data) {
                checksum ^= b;
            }
            count++;
        }

        byte[] finish(boolean hashAppended) {
            if (count > AppImage.MAX_SEGMENTS) {
                throw new IllegalArgumentException("layout needs " + count + " segments, the ROM accepts "
                        + AppImage.MAX_SEGMENTS);
            }
            int checksumAt = AppImage.checksumPosition(bytes.size());
            bytes.writeBytes(new byte[checksumAt - bytes.size()]);
            bytes.write(checksum & 0xFF);
            byte[] image = bytes.toByteArray();
            image[1] = (byte) count; // the count is not checksummed, so patching it last is safe
            if (!hashAppended) {
                return image;
            }
            byte[] withDigest = Arrays.copyOf(image, image.length + ImageDigest.LENGTH);
            System.arraycopy(ImageDigest.sha256(image, image.length), 0, withDigest, image.length, ImageDigest.LENGTH);
            return withDigest;
        }
    }
}
