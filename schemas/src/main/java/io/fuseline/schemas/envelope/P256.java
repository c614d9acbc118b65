package io.fuseline.schemas.envelope;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.HexFormat;

/**
 * NIST P-256 points in plain JCA: the 65-byte uncompressed encoding ({@code 04 || X || Y}) that envelopes carry
 * and PKCS#11 uses in {@code CKA_EC_POINT}, validated on decode, and public-key fingerprints. Stateless,
 * thread-safe.
 */
public final class P256 {
    /** Bytes of an uncompressed point. */
    public static final int POINT_BYTES = 65;
    private static final int COORDINATE = 32;
    private static final ECParameterSpec PARAMS = lookUpParams();

    private P256() {
    }

    /** The curve's domain parameters as the JDK names them (secp256r1). */
    public static ECParameterSpec params() {
        return PARAMS;
    }

    private static ECParameterSpec lookUpParams() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no secp256r1", e);
        }
    }

    /** A fresh P-256 key pair (the JDK's provider). */
    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate P-256 keys", e);
        }
    }

    /** Whether {@code key} is an EC key on P-256. */
    public static boolean isP256(PublicKey key) {
        return key instanceof ECPublicKey ec && ec.getParams().getCurve().equals(PARAMS.getCurve());
    }

    /** {@code 04 || X || Y}, each coordinate 32 bytes big-endian. */
    public static byte[] encode(PublicKey key) {
        if (!isP256(key)) {
            throw new IllegalArgumentException("not a P-256 public key: " + key.getAlgorithm());
        }
        ECPoint w = ((ECPublicKey) key).getW();
        byte[] out = new byte[POINT_BYTES];
        out[0] = 0x04;
        put(w.getAffineX(), out, 1);
        put(w.getAffineY(), out, 1 + COORDINATE);
        return out;
    }

    /** Decodes an uncompressed point, refusing anything not on the curve. */
    public static ECPublicKey decode(byte[] point) {
        if (point.length != POINT_BYTES || point[0] != 0x04) {
            throw new IllegalArgumentException("a P-256 point is 65 bytes starting 04, got " + point.length + " bytes");
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(point, 1, 1 + COORDINATE));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(point, 1 + COORDINATE, POINT_BYTES));
        if (!onCurve(x, y)) {
            throw new IllegalArgumentException("the point is not on P-256");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable P-256 point: " + e.getMessage());
        }
    }

    /** SHA-256 of the key's SubjectPublicKeyInfo DER: how Fuseline names an enrolled station key. */
    public static byte[] fingerprint(PublicKey key) {
        return KeyCheckValue.sha256().digest(key.getEncoded());
    }

    /** {@link #fingerprint} as 64 lowercase hex digits (the {@code wrappingKeyFingerprint} of issued material). */
    public static String fingerprintHex(PublicKey key) {
        return HexFormat.of().formatHex(fingerprint(key));
    }

    private static boolean onCurve(BigInteger x, BigInteger y) {
        EllipticCurve c = PARAMS.getCurve();
        BigInteger p = ((ECFieldFp) c.getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger rhs = x.pow(3).add(c.getA().multiply(x)).add(c.getB()).mod(p);
        return y.modPow(BigInteger.TWO, p).equals(rhs);
    }

    private static void put(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, COORDINATE);
        System.arraycopy(b, b.length - len, out, offset + COORDINATE - len, len);
    }
}
