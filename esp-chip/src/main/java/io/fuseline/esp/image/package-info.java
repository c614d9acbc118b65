/**
 * ESP32-family application and bootloader images as {@code esptool elf2image} writes them and
 * {@code esptool image_info} reads them: header and extended header, segments, the XOR checksum, the
 * appended SHA-256, {@code esp_app_desc_t}. Parse with {@link io.fuseline.esp.image.AppImage#parse},
 * build with {@link io.fuseline.esp.image.AppImageWriter}, report with
 * {@link io.fuseline.esp.image.ImageInfo} and {@link io.fuseline.esp.image.ImageInfoText}.
 * Byte arrays in, byte arrays out; JCA only (SHA-256), no I/O.
 */
package io.fuseline.esp.image;
