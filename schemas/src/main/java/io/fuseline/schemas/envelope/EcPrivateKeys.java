package io.fuseline.schemas.envelope;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/**
 * Reads a P-256 private key from PKCS#8. HSMs wrap EC keys as PKCS#8 in slightly different shapes (SoftHSM2's
 * encoding is accepted by JDK 17's parser but refused by JDK 25's), so when the JDK refuses, the private scalar is
 * taken from the SEC1 {@code ECPrivateKey} inside and the key rebuilt on P-256, the only curve envelopes carry.
 */
final class EcPrivateKeys {
    private EcPrivateKeys() {
    }

    static PrivateKey p256(byte[] pkcs8) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("EC");
        try {
            return kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException refused) {
            byte[] d = scalar(pkcs8);
            try {
                return kf.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), P256.params()));
            } finally {
                Arrays.fill(d, (byte) 0);
            }
        }
    }

    /**
     * The PKCS#8 DER without the zero bytes some HSMs leave after it (SoftHSM2 pads to the AES key-wrap block before
     * wrapping): the station hands devices the canonical encoding. Zeroizes {@code unwrapped} when it copies.
     */
    static byte[] withoutTrailingZeros(byte[] unwrapped) {
        try {
            Der der = new Der(unwrapped, 0);
            int total = der.totalLength(0x30);
            for (int i = total; i < unwrapped.length; i++) {
                if (unwrapped[i] != 0) {
                    return unwrapped; // not padding: leave it for the parser to judge
                }
            }
            if (total == unwrapped.length) {
                return unwrapped;
            }
            byte[] trimmed = Arrays.copyOf(unwrapped, total);
            Arrays.fill(unwrapped, (byte) 0);
            return trimmed;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return unwrapped;
        }
    }

    /**
     * PrivateKeyInfo ::= SEQUENCE { version INTEGER, algorithm SEQUENCE, privateKey OCTET STRING { ECPrivateKey } },
     * ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING, [0] params, [1] publicKey }.
     */
    private static byte[] scalar(byte[] pkcs8) throws InvalidKeySpecException {
        try {
            Der outer = new Der(pkcs8, 0).enter(0x30);
            outer.skip(0x02);
            outer.skip(0x30);
            Der inner = new Der(outer.read(0x04), 0).enter(0x30);
            inner.skip(0x02);
            return inner.read(0x04);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new InvalidKeySpecException("not a PKCS#8 EC private key");
        }
    }

    /** Just enough DER to walk definite-length TLVs. */
    private static final class Der {
        private final byte[] b;
        private int pos;
        private int end;

        Der(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
            this.end = b.length;
        }

        /** Steps into a constructed element of the given tag; its content becomes the reader's range. */
        Der enter(int tag) {
            int len = header(tag);
            end = pos + len;
            return this;
        }

        /** Tag, length and content of the element at the reader's position, in bytes. */
        int totalLength(int tag) {
            int start = pos;
            int len = header(tag);
            return pos - start + len;
        }

        void skip(int tag) {
            int len = header(tag); // header() moves pos past the tag and length: read it before adding
            pos += len;
        }

        byte[] read(int tag) {
            int len = header(tag);
            byte[] out = Arrays.copyOfRange(b, pos, pos + len);
            pos += len;
            return out;
        }

        private int header(int tag) {
            if (pos >= end || (b[pos] & 0xFF) != tag) {
                throw new IllegalArgumentException("expected tag " + tag);
            }
            pos++;
            int first = b[pos++] & 0xFF;
            int len = first;
            if (first >= 0x80) {
                int n = first & 0x7F;
                if (n < 1 || n > 3) {
                    throw new IllegalArgumentException("bad length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[pos++] & 0xFF);
                }
            }
            if (pos + len > end) {
                throw new IllegalArgumentException("truncated");
            }
            return len;
        }
    }
}
