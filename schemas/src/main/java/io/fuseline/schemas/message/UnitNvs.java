package io.fuseline.schemas.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The unit's own NVS partition, as a {@link ProvisionJob} (v2) describes it: where the {@code nvs} partition and,
 * when it is NVS-encrypted, the {@code nvs_keys} partition go, and what the partition holds, rendered for this unit
 * by the orchestrator. Nothing here is secret. The station adds what only it may see: under
 * {@link #PRIVATE_KEY_ENTRY} the device identity private key it unwraps, next to the certificate under
 * {@link #CERTIFICATE_ENTRY}; it builds the partition with ESP-IDF's layout, NVS-encrypts it with the job's
 * NVS key and writes the keys partition flash-encrypted.
 *
 * <p>The partition's bytes hold a key, so no one can state their digest in advance: the flash steps that write the
 * two partitions carry {@link #digest()} as their {@code imageDigest}, binding them to this description, and the
 * station reports the digest of what it generated as evidence.
 *
 * @param address        flash offset of the {@code nvs} partition, 4 KiB aligned
 * @param sizeBytes      size of the {@code nvs} partition in bytes, a multiple of 4096, at least 0x3000
 * @param keysAddress    flash offset of the {@code nvs_keys} partition (one 4 KiB sector); null when the partition
 *                       is not NVS-encrypted, which is exactly when the job carries no NVS key
 * @param namespace      the NVS namespace of every entry (at most 15 bytes)
 * @param entries        the rendered template entries, string values, in the order they are written
 * @param certificatePem the device certificate (PEM) written under {@link #CERTIFICATE_ENTRY}; null when the job
 *                       carries no identity key
 */
public record UnitNvs(long address, long sizeBytes, Long keysAddress, String namespace, List<Entry> entries,
                      String certificatePem) {

    /** The image name flash steps use for the {@code nvs} partition (ESP-IDF's default partition name). */
    public static final String PARTITION_IMAGE = "nvs";
    /** The image name flash steps use for the {@code nvs_keys} partition (ESP-IDF's default partition name). */
    public static final String KEYS_IMAGE = "nvs_keys";
    /** Size of the {@code nvs_keys} partition: one flash sector. */
    public static final long KEYS_PARTITION_BYTES = 0x1000;
    /** The smallest read/write NVS partition: two pages and the one ESP-IDF keeps free. */
    public static final long MIN_PARTITION_BYTES = 0x3000;
    /** Entry holding the device certificate: an NVS string, the PEM text as the vault issued it. */
    public static final String CERTIFICATE_ENTRY = "device_cert";
    /**
     * Entry holding the device identity private key: an NVS blob, its PKCS#8 DER (what
     * {@code mbedtls_pk_parse_key} reads). Written by the station only; never part of a message.
     */
    public static final String PRIVATE_KEY_ENTRY = "device_key";
    /** Domain separation of {@link #digest()}, so it can never equal the digest of an image. */
    private static final String DIGEST_DOMAIN = "fuseline/unit-nvs/v1";

    public UnitNvs {
        Objects.requireNonNull(namespace, "namespace");
        entries = List.copyOf(entries);
    }

    /** One rendered template entry: an NVS key and its string value. */
    public record Entry(String key, String value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Whether {@code image} names one of the per-unit partitions (in a job that has a {@code nvs} member). */
    public static boolean isPartitionImage(String image) {
        return PARTITION_IMAGE.equals(image) || KEYS_IMAGE.equals(image);
    }

    /** Whether the partition is NVS-encrypted (an {@code nvs_keys} partition goes with it). */
    public boolean encrypted() {
        return keysAddress != null;
    }

    /**
     * The lowercase hex SHA-256 that identifies this description: over {@code fuseline/unit-nvs/v1} and then every
     * member in declaration order (entries in order, key then value), each as a big-endian u32 byte count followed
     * by its UTF-8 bytes, numbers as decimal text, an absent member as the count 0xFFFFFFFF. Orchestrator and
     * station compute it with this method, so neither depends on how JSON is formatted.
     */
    public String digest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, DIGEST_DOMAIN);
        field(out, Long.toString(address));
        field(out, Long.toString(sizeBytes));
        field(out, keysAddress == null ? null : keysAddress.toString());
        field(out, namespace);
        field(out, Integer.toString(entries.size()));
        for (Entry e : entries) {
            field(out, e.key());
            field(out, e.value());
        }
        field(out, certificatePem);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        int length = bytes == null ? -1 : bytes.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (bytes != null) {
            out.writeBytes(bytes);
        }
    }
}
