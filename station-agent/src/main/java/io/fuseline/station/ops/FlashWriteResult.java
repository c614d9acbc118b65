package io.fuseline.station.ops;

/**
 * What a flash write did.
 *
 * @param address     flash offset written
 * @param length      bytes of the caller's data
 * @param streamBytes bytes sent as block payload (compressed stream, or padded plain blocks)
 * @param blocks      data blocks sent
 * @param retries     blocks repeated after a retriable error
 * @param compressed  whether FLASH_DEFL_* was used
 * @param encrypted   whether the ROM encrypted the data
 */
public record FlashWriteResult(int address, int length, long streamBytes, int blocks, int retries,
        boolean compressed, boolean encrypted) {
}
