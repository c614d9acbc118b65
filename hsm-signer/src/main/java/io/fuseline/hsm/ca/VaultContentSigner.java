package io.fuseline.hsm.ca;

import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyType;
import io.fuseline.hsm.vault.KeyVault;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;

/**
 * A Bouncy Castle {@link ContentSigner} whose private key stays in the vault: the content is hashed here (SHA-256)
 * and only the digest goes to {@link KeyVault#signDigest}; the r ‖ s answer is re-encoded as the DER
 * {@code ECDSA-Sig-Value} X.509 wants. For P-256 keys (the factory CA). One signature per instance, not thread-safe,
 * as BC expects.
 */
public final class VaultContentSigner implements ContentSigner {
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    private final KeyVault vault;
    private final KeyLabel key;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    public VaultContentSigner(KeyVault vault, KeyLabel key) {
        if (KeyType.of(key.role()) != KeyType.EC_P256) {
            throw new IllegalArgumentException("VaultContentSigner signs with P-256 keys; " + key + " is not one");
        }
        this.vault = vault;
        this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return ECDSA_SHA256;
    }

    @Override
    public OutputStream getOutputStream() {
        return content;
    }

    @Override
    public byte[] getSignature() {
        byte[] rs = vault.signDigest(key, sha256(content.toByteArray()));
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, rs.length / 2));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, rs.length / 2, rs.length));
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("DER encoding of an ECDSA signature failed", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
