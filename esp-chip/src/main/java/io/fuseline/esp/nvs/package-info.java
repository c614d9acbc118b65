/**
 * ESP-IDF NVS partitions as {@code nvs_partition_gen.py} (esp-idf-nvs-partition-gen 0.2.0) writes them:
 * the generator's CSV ({@link io.fuseline.esp.nvs.NvsCsv}), the partition image in the V2 (multi-page
 * blob) or V1 layout ({@link io.fuseline.esp.nvs.NvsPartitionGenerator}), NVS encryption with an
 * {@code nvs_keys} partition ({@link io.fuseline.esp.nvs.NvsEncryption}, {@link io.fuseline.esp.nvs.NvsKeys})
 * and reading an image back ({@link io.fuseline.esp.nvs.NvsPartitionReader}). Bytes and strings in,
 * bytes and records out: files named by a CSV are read by the caller through a resolver callback.
 * Every problem with the input arrives as an {@link io.fuseline.esp.nvs.NvsException} carrying an
 * {@link io.fuseline.esp.nvs.NvsProblem}. JCA only (AES, HMAC-SHA256), no I/O.
 */
package io.fuseline.esp.nvs;
