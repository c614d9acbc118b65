package io.fuseline.esp.flash;

/**
 * A caller handed flash encryption something the chip (or espsecure) cannot process: a key of the wrong
 * length for the chip or mode, an address that is not 16-byte aligned or out of range, data whose length
 * is not a multiple of 16, a FLASH_CRYPT_CONFIG outside 0x0..0xF. The message names the offending value.
 * A programming or recipe error, never retriable.
 */
public final class FlashEncryptionArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public FlashEncryptionArgumentException(String message) {
        super(message);
    }
}
