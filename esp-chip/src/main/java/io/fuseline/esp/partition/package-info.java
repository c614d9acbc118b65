/**
 * ESP-IDF partition tables: the binary table the bootloader reads at 0x8000 (32-byte entries, MD5
 * entry, 0xFF padding to 0xC00), ESP-IDF's partition CSV with {@code gen_esp32part.py}'s auto-placement,
 * lookups (NVS, nvs_keys, factory and OTA apps) and validation. Entry point:
 * {@link io.fuseline.esp.partition.PartitionTable}. JCA only (MD5), no I/O.
 */
package io.fuseline.esp.partition;
