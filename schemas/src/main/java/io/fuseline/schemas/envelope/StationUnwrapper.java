package io.fuseline.schemas.envelope;

import io.fuseline.schemas.envelope.EnvelopeException.Reason;
import io.fuseline.schemas.message.SecretKind;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * The station side: opens envelopes wrapped for this station's enrolled key pair, in plain JCA. Every failure is
 * an {@link EnvelopeException} with a reason and no secret in it; the caller zeroizes the returned
 * {@link SecretBytes} (try-with-resources) as soon as the secret is used. Thread-safe.
 */
public final class StationUnwrapper {
    private final PrivateKey stationPrivate;
    private final byte[] stationFingerprint;

    /** @param stationPublic the enrolled public key, to recognise envelopes meant for this station */
    public StationUnwrapper(PrivateKey stationPrivate, PublicKey stationPublic) {
        if (!P256.isP256(stationPublic) || !"EC".equals(stationPrivate.getAlgorithm())) {
            throw new IllegalArgumentException("a station key is an EC P-256 key pair");
        }
        this.stationPrivate = stationPrivate;
        this.stationFingerprint = P256.fingerprint(stationPublic);
    }

    /**
     * Opens a flash-encryption, HMAC or NVS key and checks it against the envelope's key check value.
     *
     * @throws EnvelopeException WRONG_STATION, UNWRAP_FAILED, KCV_MISMATCH, or NEEDS_CERTIFIED_KEY for an
     *                           identity key (use {@link #unwrapIdentityKey})
     */
    public SecretBytes unwrap(KeyEnvelope envelope) {
        if (envelope.header().kind() == SecretKind.DEVICE_IDENTITY_KEY) {
            throw new EnvelopeException(Reason.NEEDS_CERTIFIED_KEY,
                    "open an identity key with unwrapIdentityKey and the certificate's public key");
        }
        SecretBytes secret = SecretBytes.adopt(open(envelope));
        if (!MessageDigest.isEqual(secret.kcv().getBytes(), envelope.header().kcv().getBytes())) {
            String got = secret.kcv();
            secret.close();
            throw new EnvelopeException(Reason.KCV_MISMATCH, "unwrapped key has kcv " + got + ", the envelope says "
                    + envelope.header().kcv());
        }
        return secret;
    }

    /**
     * Opens a device identity key (PKCS#8 DER) and proves it belongs to {@code certifiedKey}, the public key of the
     * device certificate: the key check values must match and a test signature must verify.
     */
    public SecretBytes unwrapIdentityKey(KeyEnvelope envelope, PublicKey certifiedKey) {
        if (envelope.header().kind() != SecretKind.DEVICE_IDENTITY_KEY) {
            throw new IllegalArgumentException("not an identity key envelope: " + envelope.header().kind());
        }
        if (!KeyCheckValue.ofPublicKey(certifiedKey).equals(envelope.header().kcv())) {
            throw new EnvelopeException(Reason.KEY_MISMATCH, "the envelope's kcv " + envelope.header().kcv()
                    + " is not that of the certified key");
        }
        SecretBytes pkcs8 = SecretBytes.adopt(EcPrivateKeys.withoutTrailingZeros(open(envelope)),
                envelope.header().kcv());
        try {
            boolean pairs = pkcs8.apply(der -> signsFor(der, certifiedKey));
            if (!pairs) {
                throw new EnvelopeException(Reason.KEY_MISMATCH, "the unwrapped key does not sign for the certified key");
            }
            return pkcs8;
        } catch (RuntimeException e) {
            pkcs8.close();
            throw e;
        }
    }

    private byte[] open(KeyEnvelope envelope) {
        EnvelopeHeader header = envelope.header();
        if (!MessageDigest.isEqual(header.stationFingerprint(), stationFingerprint)) {
            throw new EnvelopeException(Reason.WRONG_STATION, "wrapped for another station key (kcv "
                    + header.kcv() + ")");
        }
        try {
            var kek = EnvelopeKdf.kek(stationPrivate, P256.decode(header.ephemeralPoint()), header);
            return EnvelopeKdf.unwrap(kek, envelope.wrapped());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new EnvelopeException(Reason.UNWRAP_FAILED, "integrity check failed for kcv " + header.kcv()
                    + ": wrong station private key or an altered envelope");
        }
    }

    private static boolean signsFor(byte[] pkcs8, PublicKey certified) {
        byte[] challenge = "fuseline identity key check".getBytes();
        try {
            PrivateKey key = EcPrivateKeys.p256(pkcs8);
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key);
            s.update(challenge);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance("SHA256withECDSA");
            v.initVerify(certified);
            v.update(challenge);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException(Reason.KEY_MISMATCH, "the unwrapped identity key is not a usable EC key");
        } finally {
            Arrays.fill(challenge, (byte) 0);
        }
    }
}
