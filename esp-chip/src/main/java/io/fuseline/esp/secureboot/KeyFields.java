package io.fuseline.esp.secureboot;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * The public-key part of a signature block, little-endian as the ROM reads it (NOTES §b.2, §b.3):
 * RSA {@code n ‖ e ‖ R² mod n ‖ −n⁻¹ mod 2³²} (776 bytes); ECDSA {@code curve id ‖ x ‖ y} (65 or 97 bytes).
 * Its SHA-256 is the digest burned into eFuse.
 */
final class KeyFields {
    private static final int RSA_BITS = 3072;
    static final int RSA_LENGTH = 384 + 4 + 384 + 4;

    private KeyFields() {
    }

    static SignatureScheme schemeOf(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() != RSA_BITS) {
                throw new IllegalArgumentException("Secure Boot V2 RSA keys are 3072-bit, got "
                        + rsa.getModulus().bitLength() + "-bit");
            }
            return SignatureScheme.RSA_3072_PSS;
        }
        if (key instanceof ECPublicKey ec) {
            return switch (ec.getParams().getCurve().getField().getFieldSize()) {
                case 192 -> SignatureScheme.ECDSA_P192;
                case 256 -> SignatureScheme.ECDSA_P256;
                case 384 -> SignatureScheme.ECDSA_P384;
                default -> throw new IllegalArgumentException("unsupported ECDSA curve of "
                        + ec.getParams().getCurve().getField().getFieldSize() + " bits");
            };
        }
        throw new IllegalArgumentException("not an RSA or EC public key: " + key.getAlgorithm());
    }

    /** The key fields of {@code key} as a block stores them. */
    static byte[] encode(PublicKey key) {
        SignatureScheme scheme = schemeOf(key);
        if (key instanceof RSAPublicKey rsa) {
            BigInteger n = rsa.getModulus();
            BigInteger rinv = BigInteger.ONE.shiftLeft(2 * RSA_BITS).mod(n);
            BigInteger word = BigInteger.ONE.shiftLeft(32);
            BigInteger mPrime = n.modInverse(word).negate().mod(word);
            byte[] out = new byte[RSA_LENGTH];
            le(n, out, 0, 384);
            le(rsa.getPublicExponent(), out, 384, 4);
            le(rinv, out, 388, 384);
            le(mPrime, out, 772, 4);
            return out;
        }
        ECPoint w = ((ECPublicKey) key).getW();
        byte[] out = new byte[1 + pairLength(scheme)];
        out[0] = (byte) scheme.curveId();
        le(w.getAffineX(), out, 1, scheme.componentBytes());
        le(w.getAffineY(), out, 1 + scheme.componentBytes(), scheme.componentBytes());
        return out;
    }

    /** Bytes a block reserves for x ‖ y (and for r ‖ s): 64, or 96 for P-384. */
    static int pairLength(SignatureScheme scheme) {
        return scheme == SignatureScheme.ECDSA_P384 ? 96 : 64;
    }

    static int length(SignatureScheme scheme) {
        return scheme.isEcdsa() ? 1 + pairLength(scheme) : RSA_LENGTH;
    }

    /** Rebuilds the public key from the fields at {@code off} (RSA uses n and e only, as verification does). */
    static PublicKey decode(SignatureScheme scheme, byte[] b, int off) {
        try {
            if (!scheme.isEcdsa()) {
                return KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(fromLe(b, off, 384), fromLe(b, off + 384, 4)));
            }
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(scheme.curveName()));
            int c = scheme.componentBytes();
            ECPoint w = new ECPoint(fromLe(b, off + 1, c), fromLe(b, off + 1 + c, c));
            return KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(w, params.getParameterSpec(ECParameterSpec.class)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("signature block holds an unusable " + scheme + " key", e);
        }
    }

    /** Writes {@code v} little-endian into {@code out[off, off + len)}. */
    static void le(BigInteger v, byte[] out, int off, int len) {
        byte[] be = v.toByteArray(); // big-endian, maybe with a leading sign byte
        int n = Math.min(len, be.length);
        if (be.length > len && be[0] != 0 || be.length > len + 1) {
            throw new IllegalArgumentException("value does not fit in " + len + " bytes");
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = be[be.length - 1 - i];
        }
    }

    /** {@code v} big-endian in exactly {@code len} bytes. */
    static byte[] be(BigInteger v, int len) {
        byte[] le = new byte[len];
        le(v, le, 0, len);
        return reversed(le, 0, len);
    }

    static BigInteger fromLe(byte[] b, int off, int len) {
        byte[] be = new byte[len];
        for (int i = 0; i < len; i++) {
            be[i] = b[off + len - 1 - i];
        }
        return new BigInteger(1, be);
    }

    /** Reverses {@code b[off, off + len)} into a new big-endian array. */
    static byte[] reversed(byte[] b, int off, int len) {
        byte[] r = new byte[len];
        for (int i = 0; i < len; i++) {
            r[i] = b[off + len - 1 - i];
        }
        return r;
    }
}
