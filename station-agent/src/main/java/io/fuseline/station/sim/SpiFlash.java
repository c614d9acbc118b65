package io.fuseline.station.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * NOR flash as the ROM sees it: erase works on 4 KiB sectors and sets bytes to {@code 0xFF}; programming can only
 * clear bits ({@code old & new}), so writing without erasing first corrupts data the way real flash does.
 * Optionally backed by a file that survives jig restarts (written through on every change).
 *
 * <p>Thread-safe (synchronized): one session writes while tests may inspect.
 */
public final class SpiFlash {

    public static final int SECTOR = 4096;

    private final byte[] bytes;
    private final Optional<Path> file;

    private SpiFlash(byte[] bytes, Optional<Path> file) {
        this.bytes = bytes;
        this.file = file;
    }

    /** An erased flash of {@code size} bytes (a multiple of the sector size). */
    public static SpiFlash erased(int size) {
        if (size <= 0 || size % SECTOR != 0) {
            throw new IllegalArgumentException("flash size must be a positive multiple of 4096, was " + size);
        }
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 0xFF);
        return new SpiFlash(b, Optional.empty());
    }

    /** Flash persisted in {@code path}: loaded if it exists (and has {@code size} bytes), else created erased. */
    public static SpiFlash persistent(int size, Path path) throws IOException {
        SpiFlash blank = erased(size);
        if (Files.exists(path)) {
            byte[] content = Files.readAllBytes(path);
            if (content.length != size) {
                throw new IOException(path + " holds " + content.length + " bytes, the flash has " + size);
            }
            return new SpiFlash(content, Optional.of(path));
        }
        Files.write(path, blank.bytes);
        return new SpiFlash(blank.bytes, Optional.of(path));
    }

    public int size() {
        return bytes.length;
    }

    /** Erases every sector that overlaps {@code [offset, offset+length)}. */
    public synchronized void eraseRange(int offset, int length) {
        checkRange(offset, length);
        if (length == 0) {
            return;
        }
        int start = offset / SECTOR * SECTOR;
        int end = Math.min(bytes.length, (offset + length + SECTOR - 1) / SECTOR * SECTOR);
        Arrays.fill(bytes, start, end, (byte) 0xFF);
        persist(start, end - start);
    }

    /** Programs {@code data} at {@code offset}: each byte becomes {@code old & new}. */
    public synchronized void program(int offset, byte[] data, int from, int length) {
        checkRange(offset, length);
        Objects.checkFromIndexSize(from, length, data.length);
        for (int i = 0; i < length; i++) {
            bytes[offset + i] &= data[from + i];
        }
        persist(offset, length);
    }

    /** Flips bits regardless of the rules: a fault injection for "the chip acknowledged, the data is wrong". */
    public synchronized void corrupt(int offset, int xorMask) {
        checkRange(offset, 1);
        bytes[offset] ^= (byte) xorMask;
        persist(offset, 1);
    }

    public synchronized byte[] read(int offset, int length) {
        checkRange(offset, length);
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    public synchronized byte[] md5(int offset, int length) {
        checkRange(offset, length);
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(bytes, offset, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkRange(int offset, int length) {
        if (offset < 0 || length < 0 || (long) offset + length > bytes.length) {
            throw new IndexOutOfBoundsException(String.format("flash range 0x%x+%d outside 0..0x%x", offset, length,
                    bytes.length));
        }
    }

    private void persist(int offset, int length) {
        if (file.isEmpty()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file.get(), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes, offset, length), offset);
        } catch (IOException e) {
            throw new UncheckedIOException("persisting flash to " + file.get(), e);
        }
    }
}
