package io.fuseline.station.identity;

import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.envelope.StationUnwrapper;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The station's enrolled key pair (EC P-256): the vault wraps every per-device secret to its public half, and only
 * this station can unwrap. The private key never leaves the process; {@code toString} shows the fingerprint only.
 * Immutable and thread-safe.
 */
public final class StationIdentity {

    private final KeyPair keyPair;

    public StationIdentity(KeyPair keyPair) {
        if (!P256.isP256(keyPair.getPublic())) {
            throw new IllegalArgumentException("a station key is an EC P-256 key pair");
        }
        this.keyPair = keyPair;
    }

    public PublicKey publicKey() { return keyPair.getPublic(); }

    /** The SHA-256 fingerprint of the public key, lowercase hex: what heartbeats report and envelopes name. */
    public String fingerprint() { return P256.fingerprintHex(keyPair.getPublic()); }

    /** An unwrapper for envelopes sealed to this station. */
    public StationUnwrapper unwrapper() {
        return new StationUnwrapper(keyPair.getPrivate(), keyPair.getPublic());
    }

    /** The public key as a PEM {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo), for enrollment. */
    public String publicKeyPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(keyPair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public String toString() {
        return "StationIdentity[P-256, fingerprint " + fingerprint() + "]";
    }
}
