package io.fuseline.station.job;

import io.fuseline.esp.MacAddress;
import io.fuseline.esp.nvs.NvsEncryption;
import io.fuseline.esp.nvs.NvsEntry;
import io.fuseline.esp.nvs.NvsException;
import io.fuseline.esp.nvs.NvsFormat;
import io.fuseline.esp.nvs.NvsKeys;
import io.fuseline.esp.nvs.NvsPartitionGenerator;
import io.fuseline.esp.nvs.NvsValue;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.UnitNvs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The unit's own NVS partitions of a v2 job, built on the station before the unit is touched: the job's rendered
 * entries, then the device certificate ({@link UnitNvs#CERTIFICATE_ENTRY}, string) and the identity private key
 * ({@link UnitNvs#PRIVATE_KEY_ENTRY}, PKCS#8 DER blob) in the job's namespace, laid out byte for byte as ESP-IDF's
 * {@code nvs_partition_gen} does (V2 format), NVS-encrypted with the job's NVS key; and the {@code nvs_keys}
 * partition for that key, which the flash step then encrypts with the unit's flash-encryption key.
 *
 * <p>Holds secrets: the plaintext keys partition, and (inside the NVS encryption) the identity key. {@link #close()}
 * zeroizes what this class holds; use in try-with-resources around the job. The generator copies the identity key
 * into its own value object, which cannot be wiped from here; it is unreachable once the partition is built. Not
 * thread-safe: one job, one thread.
 */
final class UnitPartitions implements AutoCloseable {

    private final byte[] nvs;
    private final byte[] nvsKeys;
    private final Map<String, String> nvsEvidence;
    private final Map<String, String> keysEvidence;

    private UnitPartitions(byte[] nvs, byte[] nvsKeys, Map<String, String> nvsEvidence,
                           Map<String, String> keysEvidence) {
        this.nvs = nvs;
        this.nvsKeys = nvsKeys;
        this.nvsEvidence = Map.copyOf(nvsEvidence);
        this.keysEvidence = Map.copyOf(keysEvidence);
    }

    /**
     * Builds the job's partitions. Fails with KEY_UNWRAP_FAILED when the certificate is unreadable or names another
     * unit, or the identity key does not pair with it; INTERNAL when the entries do not fit the partition.
     */
    static UnitPartitions build(ProvisionJob job, UnwrappedKeys keys) throws StepFailure {
        UnitNvs spec = job.nvs();
        List<NvsEntry> entries = new ArrayList<>();
        for (UnitNvs.Entry e : spec.entries()) {
            entries.add(new NvsEntry(spec.namespace(), e.key(), new NvsValue.Text(e.value())));
        }
        if (spec.certificatePem() != null) {
            X509Certificate cert = certificate(spec.certificatePem(), job.mac());
            entries.add(new NvsEntry(spec.namespace(), UnitNvs.CERTIFICATE_ENTRY,
                    new NvsValue.Text(spec.certificatePem())));
            SecretBytes identity = keys.identityKey(cert.getPublicKey());
            entries.add(identity.apply(der -> new NvsEntry(spec.namespace(), UnitNvs.PRIVATE_KEY_ENTRY,
                    new NvsValue.Blob(der))));
        }
        if (!spec.encrypted()) {
            byte[] plain = generate(entries, spec);
            return new UnitPartitions(plain, null, evidence(plain, entries, false), Map.of());
        }
        SecretBytes nvsKey = keys.nvsKey().orElseThrow(() -> StepFailure.of(FailureReason.KEY_UNWRAP_FAILED,
                "the job's NVS partition is encrypted but the job carries no NVS key"));
        try (NvsKeys nvsKeys = FlashPayloads.nvsKeys(nvsKey)) {
            byte[] plain = generate(entries, spec);
            try {
                return new UnitPartitions(NvsEncryption.encrypt(plain, nvsKeys), nvsKeys.nvsKeysPartition(),
                        evidence(plain, entries, true), Map.of("nvsKeyKcv", nvsKey.kcv()));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /**
     * The write's evidence: the plaintext's SHA-256 (as a key check value is, a one-way digest: it lets an auditor
     * holding the keys confirm a flash dump, and reveals nothing of the key inside) and the number of entries.
     */
    private static Map<String, String> evidence(byte[] plain, List<NvsEntry> entries, boolean encrypted) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("plaintextSha256", JobPreflight.sha256(plain));
        evidence.put("entries", Integer.toString(entries.size()));
        evidence.put("nvsEncrypted", Boolean.toString(encrypted));
        return evidence;
    }

    /** The {@code nvs} partition as written (NVS-encrypted when the job carries an NVS key), a copy. */
    byte[] nvs() {
        return nvs.clone();
    }

    /** The plaintext {@code nvs_keys} partition, a copy the caller wipes; empty when the partition is not encrypted. */
    Optional<byte[]> nvsKeys() {
        return Optional.ofNullable(nvsKeys).map(byte[]::clone);
    }

    /** What a write of {@code image} adds to its evidence: digest and entry count, or the NVS key's check value. */
    Map<String, String> evidence(String image) {
        return UnitNvs.KEYS_IMAGE.equals(image) ? keysEvidence : nvsEvidence;
    }

    @Override
    public void close() {
        Arrays.fill(nvs, (byte) 0);
        if (nvsKeys != null) {
            Arrays.fill(nvsKeys, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "UnitPartitions[nvs " + nvs.length + " bytes" + (nvsKeys == null ? "" : ", nvs_keys") + "]";
    }

    private static byte[] generate(List<NvsEntry> entries, UnitNvs spec) throws StepFailure {
        try {
            return NvsPartitionGenerator.generateEntries(entries, Math.toIntExact(spec.sizeBytes()), NvsFormat.V2);
        } catch (NvsException | ArithmeticException e) {
            // The generator's message names sizes and keys, never values.
            throw StepFailure.of(FailureReason.INTERNAL, "the unit's NVS partition (" + entries.size()
                    + " entries, " + spec.sizeBytes() + " bytes) cannot be built: " + e.getMessage());
        }
    }

    /** The device certificate, which must name the unit's MAC in its subject (the factory CA's CN). */
    private static X509Certificate certificate(String pem, MacAddress mac) throws StepFailure {
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw StepFailure.of(FailureReason.KEY_UNWRAP_FAILED, "the job's device certificate is unreadable: "
                    + e.getMessage());
        }
        String subject = cert.getSubjectX500Principal().getName();
        if (!namesUnit(subject, mac)) {
            throw new StepFailure(FailureReason.KEY_UNWRAP_FAILED, mac.toString(), subject,
                    "the job's device certificate is not this unit's: its subject does not name " + mac);
        }
        return cert;
    }

    private static boolean namesUnit(String subject, MacAddress mac) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (mac.toString().equalsIgnoreCase(String.valueOf(rdn.getValue()))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidNameException e) {
            return false;
        }
    }
}
