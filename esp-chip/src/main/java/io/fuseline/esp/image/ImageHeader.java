package io.fuseline.esp.image;

import java.util.Optional;

/**
 * The 24-byte header of an ESP32-family image: 8-byte common header and 16-byte extended header
 * (NOTES §c.1). Fields hold the raw values read, so an image with an unknown flash mode or size still
 * parses; typed views are {@link #flashMode()}, {@link #flashSize()} and {@link #flashFrequency}.
 *
 * @param segmentCount   byte 1, as stored (esptool patches it after writing; it is not checksummed)
 * @param flashModeCode  byte 2
 * @param flashSizeFreq  byte 3: high nibble size, low nibble frequency
 * @param entryPoint     bytes 4..7
 * @param wpPin          byte 8, {@value #WP_PIN_DISABLED} when unused
 * @param pinDrive       bytes 9..11 as a 24-bit little-endian value: six 4-bit drive strengths
 *                       (clk, q, d, cs0, hd, wp; low nibble first)
 * @param chipId         bytes 12..13
 * @param minRevLegacy   byte 14, the pre-v5 "min_rev" (a major revision)
 * @param minRevFull     bytes 15..16, major * 100 + minor
 * @param maxRevFull     bytes 17..18, major * 100 + minor
 * @param hashAppended   byte 23: a SHA-256 of the image follows the checksum
 */
public record ImageHeader(int segmentCount, int flashModeCode, int flashSizeFreq, long entryPoint, int wpPin,
                          int pinDrive, int chipId, int minRevLegacy, int minRevFull, int maxRevFull,
                          boolean hashAppended) {
    /** Header length in bytes; segment headers start here. */
    public static final int LENGTH = 24;
    /** Byte 0 of every ESP32-family image. */
    public static final int MAGIC = 0xE9;
    /** WP pin value meaning "not used" (the ROM then skips it). */
    public static final int WP_PIN_DISABLED = 0xEE;

    /** Names of the six pin drive nibbles, in storage order. */
    public static final String[] DRIVE_PINS = {"clk", "q", "d", "cs0", "hd", "wp"};

    /** The header for {@code chip} with the given flash settings, the default pins and drive strengths. */
    public static ImageHeader of(ImageChip chip, FlashMode mode, FlashSize size, FlashFrequency frequency,
                                 long entryPoint, int minRevFull, int maxRevFull, boolean hashAppended) {
        int freq = chip.frequencyNibble(frequency).orElseThrow(() -> new IllegalArgumentException(
                chip.displayName() + " has no flash frequency " + frequency.label()));
        return new ImageHeader(0, mode.code(), size.nibble() << 4 | freq, entryPoint, WP_PIN_DISABLED, 0,
                chip.chipId(), minRevFull / 100, minRevFull, maxRevFull, hashAppended);
    }

    /** Drive strength of pin {@code index} of {@link #DRIVE_PINS} (0..15). */
    public int drive(int index) {
        return pinDrive >>> (4 * index) & 0xF;
    }

    public Optional<FlashMode> flashMode() {
        return FlashMode.fromCode(flashModeCode);
    }

    public Optional<FlashSize> flashSize() {
        return FlashSize.fromNibble(flashSizeFreq >>> 4);
    }

    /** The frequency as {@code chip} decodes the low nibble of byte 3. */
    public Optional<FlashFrequency> flashFrequency(ImageChip chip) {
        return chip.frequencyOf(flashSizeFreq & 0xF);
    }

    /** The chip this header names, if the image format of that chip is known here. */
    public Optional<ImageChip> chip() {
        return ImageChip.byChipId(chipId);
    }

    /** This header with another segment count (the writer knows the count only at the end). */
    public ImageHeader withSegmentCount(int count) {
        return new ImageHeader(count, flashModeCode, flashSizeFreq, entryPoint, wpPin, pinDrive, chipId,
                minRevLegacy, minRevFull, maxRevFull, hashAppended);
    }

    /** The 24 header bytes; reserved bytes 19..22 are zero. */
    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) MAGIC;
        b[1] = (byte) segmentCount;
        b[2] = (byte) flashModeCode;
        b[3] = (byte) flashSizeFreq;
        Le.put32(b, 4, entryPoint);
        b[8] = (byte) wpPin;
        b[9] = (byte) pinDrive;
        b[10] = (byte) (pinDrive >>> 8);
        b[11] = (byte) (pinDrive >>> 16);
        Le.put16(b, 12, chipId);
        b[14] = (byte) minRevLegacy;
        Le.put16(b, 15, minRevFull);
        Le.put16(b, 17, maxRevFull);
        b[23] = (byte) (hashAppended ? 1 : 0);
        return b;
    }

    /**
     * Reads the header at the start of {@code image}.
     *
     * @throws ImageFormatException if the image is shorter than 24 bytes, the magic is not 0xE9 or the
     *                              hash-appended byte is neither 0 nor 1
     */
    public static ImageHeader parse(byte[] image) {
        if (image.length < LENGTH) {
            throw new ImageFormatException(new ImageProblem.Truncated("image header", LENGTH, image.length));
        }
        if (Le.u8(image, 0) != MAGIC) {
            throw new ImageFormatException(new ImageProblem.BadMagic(Le.u8(image, 0)));
        }
        int hash = Le.u8(image, 23);
        if (hash > 1) {
            throw new ImageFormatException(new ImageProblem.BadHashAppendedFlag(hash));
        }
        int drive = Le.u8(image, 9) | Le.u8(image, 10) << 8 | Le.u8(image, 11) << 16;
        return new ImageHeader(Le.u8(image, 1), Le.u8(image, 2), Le.u8(image, 3), Le.u32(image, 4),
                Le.u8(image, 8), drive, Le.u16(image, 12), Le.u8(image, 14), Le.u16(image, 15),
                Le.u16(image, 17), hash == 1);
    }
}
