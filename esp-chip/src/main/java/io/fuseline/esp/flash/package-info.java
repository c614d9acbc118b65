/**
 * Flash encryption of the ESP32 family, byte-compatible with {@code espsecure encrypt_flash_data}: the
 * ESP32's address-tweaked AES-256 and the XTS-AES of the ESP32-S3/C3 and later. Entry point:
 * {@link io.fuseline.esp.flash.FlashEncryption}. No dependencies and no I/O: XTS runs on JCA
 * ({@code AES/ECB/NoPadding}, SHA-256); the ESP32 mode, whose key changes every 32 bytes, on the package's own
 * AES-256 block ({@code Aes256Block}), because a JCE re-key per 32 bytes is too slow on JDK 17.
 */
package io.fuseline.esp.flash;
