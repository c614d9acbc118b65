package io.fuseline.station.ops;

/**
 * How to send data to flash.
 *
 * @param compress send a zlib stream (FLASH_DEFL_*, level 9) instead of plain blocks; ignored with {@code encrypt}
 * @param encrypt  let the S3/C3 ROM encrypt with the burned key as it writes (FLASH_BEGIN's fifth word); such a
 *                 write cannot be checked with MD5, which sees the ciphertext
 */
public record FlashWriteOptions(boolean compress, boolean encrypt) {

    public static final FlashWriteOptions PLAIN = new FlashWriteOptions(false, false);
    public static final FlashWriteOptions COMPRESSED = new FlashWriteOptions(true, false);
    public static final FlashWriteOptions ENCRYPTED = new FlashWriteOptions(false, true);
}
