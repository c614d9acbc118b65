package io.fuseline.station.job;

import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.schemas.envelope.EnvelopeException;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.envelope.StationUnwrapper;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.WrappedKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job's secrets, unwrapped with the station key: one {@link SecretBytes} per wrapped key the steps can use
 * (flash-encryption, HMAC and NVS keys; the identity key stays wrapped until the unit's NVS partition is built, since
 * opening it needs the certificate's public key, see {@link #identityKey}). {@link #close()} zeroizes every one; use
 * in try-with-resources around the whole job. Not thread-safe: one job, one thread.
 */
final class UnwrappedKeys implements AutoCloseable {

    private final Map<String, SecretBytes> secrets = new LinkedHashMap<>();
    private final Map<String, WrappedKey> wrapped = new LinkedHashMap<>();
    private final StationUnwrapper unwrapper;

    private UnwrappedKeys(StationUnwrapper unwrapper) {
        this.unwrapper = unwrapper;
    }

    /**
     * Opens every usable envelope; on the first failure zeroizes what was opened and fails with KEY_UNWRAP_FAILED,
     * naming the key id and the reason, never the key.
     */
    static UnwrappedKeys open(List<WrappedKey> keys, StationUnwrapper unwrapper) throws StepFailure {
        UnwrappedKeys out = new UnwrappedKeys(unwrapper);
        try {
            for (WrappedKey k : keys) {
                out.wrapped.put(k.keyId(), k);
                if (k.kind() == SecretKind.DEVICE_IDENTITY_KEY) {
                    continue;
                }
                SecretBytes secret = unwrapper.unwrap(KeyEnvelope.fromBase64(k.envelope()));
                out.secrets.put(k.keyId(), secret);
                if (!secret.kcv().equals(k.kcv())) {
                    throw new StepFailure(FailureReason.KEY_UNWRAP_FAILED, null, null, "key " + k.keyId()
                            + " unwrapped to kcv " + secret.kcv() + " but the job says " + k.kcv());
                }
            }
            return out;
        } catch (EnvelopeException e) {
            out.close();
            throw StepFailure.of(FailureReason.KEY_UNWRAP_FAILED, "cannot unwrap the job's keys: " + e.getMessage());
        } catch (StepFailure e) {
            out.close();
            throw e;
        }
    }

    /** The secret for {@code keyId}; fails with KEY_UNWRAP_FAILED when the job carries no such usable key. */
    SecretBytes secret(String keyId) throws StepFailure {
        SecretBytes s = secrets.get(keyId);
        if (s == null) {
            throw StepFailure.of(FailureReason.KEY_UNWRAP_FAILED, "the job carries no usable key " + keyId);
        }
        return s;
    }

    /** The key check value the job states for {@code keyId}. */
    String kcv(String keyId) throws StepFailure {
        return Optional.ofNullable(wrapped.get(keyId)).map(WrappedKey::kcv).orElseThrow(() ->
                StepFailure.of(FailureReason.KEY_UNWRAP_FAILED, "the job carries no key " + keyId));
    }

    /**
     * The flash-encryption key to encrypt with when a step names {@code keyId}, as a fresh array the caller wipes:
     * the key itself, or for XTS-AES-256 (purpose {@code XTS_AES_256_KEY_1}) the two halves K1 ‖ K2.
     */
    byte[] flashKey(String keyId) throws StepFailure {
        byte[] first = secret(keyId).copy();
        if (wrapped.get(keyId).purpose() != KeyPurpose.XTS_AES_256_KEY_1) {
            return first;
        }
        String second = wrapped.values().stream().filter(w -> w.purpose() == KeyPurpose.XTS_AES_256_KEY_2)
                .map(WrappedKey::keyId).findFirst().orElseThrow(() -> StepFailure.of(FailureReason.KEY_UNWRAP_FAILED,
                        "XTS_AES_256_KEY_1 " + keyId + " without an XTS_AES_256_KEY_2 half"));
        byte[] k2 = secret(second).copy();
        byte[] both = new byte[first.length + k2.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(k2, 0, both, first.length, k2.length);
        java.util.Arrays.fill(first, (byte) 0);
        java.util.Arrays.fill(k2, (byte) 0);
        return both;
    }

    /**
     * Opens the job's device identity key (PKCS#8 DER), proving it belongs to {@code certified}, the public key of
     * the device certificate; kept for {@link #close()} like the others. Fails with KEY_UNWRAP_FAILED when the job
     * has no identity key, or the key does not pair with the certificate.
     */
    SecretBytes identityKey(PublicKey certified) throws StepFailure {
        WrappedKey w = wrapped.values().stream().filter(k -> k.kind() == SecretKind.DEVICE_IDENTITY_KEY).findFirst()
                .orElseThrow(() -> StepFailure.of(FailureReason.KEY_UNWRAP_FAILED, "the job carries no identity key"));
        SecretBytes open = secrets.get(w.keyId());
        if (open != null) {
            return open;
        }
        try {
            SecretBytes key = unwrapper.unwrapIdentityKey(KeyEnvelope.fromBase64(w.envelope()), certified);
            secrets.put(w.keyId(), key);
            if (!key.kcv().equals(w.kcv())) {
                throw new StepFailure(FailureReason.KEY_UNWRAP_FAILED, null, null, "identity key " + w.keyId()
                        + " unwrapped to kcv " + key.kcv() + " but the job says " + w.kcv());
            }
            return key;
        } catch (EnvelopeException | IllegalArgumentException e) {
            throw StepFailure.of(FailureReason.KEY_UNWRAP_FAILED, "identity key " + w.keyId() + " (kcv " + w.kcv()
                    + "): " + e.getMessage());
        }
    }

    /** The NVS encryption key of the job, if it carries one. */
    Optional<SecretBytes> nvsKey() {
        return wrapped.values().stream().filter(w -> w.kind() == SecretKind.NVS_ENCRYPTION_KEY)
                .map(w -> secrets.get(w.keyId())).filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public void close() {
        secrets.values().forEach(SecretBytes::close);
    }

    @Override
    public String toString() {
        return "UnwrappedKeys" + secrets.values();
    }
}
