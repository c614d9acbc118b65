/**
 * Flash encryption of the ESP32 family, byte-compatible with {@code espsecure encrypt_flash_data}: the
 * ESP32's address-tweaked AES-256 and the XTS-AES of the ESP32-S3/C3 and later. Entry point:
 * {@link io.fuseline.esp.flash.FlashEncryption}. JCA only ({@code AES/ECB/NoPadding}, SHA-256), no I/O.
 */
package io.fuseline.esp.flash;
