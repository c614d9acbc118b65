package io.fuseline.esp.flash;

import io.fuseline.esp.ChipFamily;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Encrypts and decrypts flash contents the way an ESP32-family chip does, byte for byte what
 * {@code espsecure encrypt_flash_data} / {@code decrypt_flash_data} produce.
 *
 * <p>Keys are taken in <em>espsecure order</em> (the order of a {@code --keyfile}); the eFuse holds them
 * byte-reversed. Factories copy the key; {@link #close()} wipes the copies this object holds, including
 * the ESP32 mode's own AES key schedules (the XTS modes' JDK-expanded AES keys cannot be wiped from
 * outside). {@code toString} shows a key check value, never the key.
 *
 * <p>Addresses are flash offsets in bytes and must be multiples of 16, as must data lengths. An
 * instance holds cipher state and scratch buffers: it is <b>not thread-safe</b>; create one per thread
 * (creation costs a few microseconds).
 */
public sealed interface FlashEncryption extends AutoCloseable
        permits Esp32FlashEncryption, XtsFlashEncryption {

    /** Exclusive upper bound of any flash address: the tweak and the chips' address registers are 32-bit. */
    long ADDRESS_LIMIT = 1L << 32;

    /** FLASH_CRYPT_CONFIG that ESP-IDF burns and espsecure defaults to: all four key ranges tweaked. */
    int DEFAULT_FLASH_CRYPT_CONFIG = 0xF;

    /**
     * ESP32 flash encryption as the chip does it: address bits 5..23 tweak the key, so the data must lie
     * below 16 MB (the ESP32's flash address space); anything reaching past is refused.
     *
     * @param key 32 bytes, or 24 bytes for a 3/4-coded eFuse (expanded to {@code k ‖ k[8:16]})
     * @param flashCryptConfig the FLASH_CRYPT_CONFIG eFuse, 0x0..0xF
     */
    static FlashEncryption esp32(byte[] key, int flashCryptConfig) {
        return new Esp32FlashEncryption(key, flashCryptConfig, false);
    }

    /**
     * Like {@link #esp32} but also accepts addresses at and above 16 MB and there reproduces espsecure's
     * output, which differs from what a chip would do (its integer arithmetic carries address bit 24 and
     * up into the key). Identical to {@link #esp32} below 16 MB. For parity tests, not for devices.
     */
    static FlashEncryption esp32EspsecureCompatible(byte[] key, int flashCryptConfig) {
        return new Esp32FlashEncryption(key, flashCryptConfig, true);
    }

    /** XTS-AES with key K1 ‖ K2: 32 bytes = XTS-AES-128, 64 bytes = XTS-AES-256. */
    static FlashEncryption xts(byte[] key) {
        return new XtsFlashEncryption(key);
    }

    /**
     * XTS-AES-128 with the key SHA-256(key16), as the ESP32-C2 derives it from a 128-bit eFuse key
     * (purpose XTS_AES_128_KEY_DERIVED_FROM_128_EFUSE_BITS) and espsecure does for a 16-byte key file.
     */
    static FlashEncryption xtsDerivedFrom128(byte[] key16) {
        if (key16 == null || key16.length != 16) {
            throw new FlashEncryptionArgumentException("a derived XTS-AES-128 key comes from 16 bytes, got "
                    + (key16 == null ? "null" : key16.length + " bytes"));
        }
        byte[] derived = null;
        try {
            derived = MessageDigest.getInstance("SHA-256").digest(key16);
            return new XtsFlashEncryption(derived);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        } finally {
            if (derived != null) {
                Arrays.fill(derived, (byte) 0);
            }
        }
    }

    /**
     * The scheme {@code chip} uses, with the key lengths its eFuses allow: ESP32 32 or 24 bytes (with
     * FLASH_CRYPT_CONFIG {@value #DEFAULT_FLASH_CRYPT_CONFIG}); ESP32-S3 32 or 64; ESP32-C3 32 only.
     */
    static FlashEncryption forChip(ChipFamily chip, byte[] key) {
        int length = key == null ? -1 : key.length;
        return switch (chip) {
            case ESP32 -> esp32(key, DEFAULT_FLASH_CRYPT_CONFIG);
            case ESP32S3 -> xts(key);
            case ESP32C3 -> {
                if (length != 32) {
                    throw new FlashEncryptionArgumentException(chip.displayName()
                            + " supports XTS-AES-128 only: it takes a 32-byte key, got " + length + " bytes");
                }
                yield xts(key);
            }
        };
    }

    /**
     * Encrypts {@code len} bytes of {@code in} from {@code off}, which will live at flash {@code address},
     * into {@code out} from {@code outOff}. One pass, no allocation. {@code out} may be {@code in} at the
     * same offset (in place); other overlaps are not supported.
     *
     * @throws FlashEncryptionArgumentException address or length not a multiple of 16, or the range
     *     leaves the address space
     */
    void encrypt(long address, byte[] in, int off, int len, byte[] out, int outOff);

    /** The inverse of {@link #encrypt(long, byte[], int, int, byte[], int)}, same rules. */
    void decrypt(long address, byte[] in, int off, int len, byte[] out, int outOff);

    /** Encrypts a whole array into a new one. */
    default byte[] encrypt(long address, byte[] plaintext) {
        byte[] out = new byte[plaintext.length];
        encrypt(address, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /** Decrypts a whole array into a new one. */
    default byte[] decrypt(long address, byte[] ciphertext) {
        byte[] out = new byte[ciphertext.length];
        decrypt(address, ciphertext, 0, ciphertext.length, out, 0);
        return out;
    }

    /** Wipes the key material and buffers this object holds; it must not be used afterwards. */
    @Override
    void close();
}
