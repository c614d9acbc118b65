package io.fuseline.esp.secureboot;

import java.io.ByteArrayOutputStream;

/** Just enough DER to take PEM keys apart and put PKCS#8 together; no general ASN.1. */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int CONTEXT_0 = 0xA0;

    /** One element: its tag and where its value lies in the source array. */
    record Tlv(int tag, int valueOffset, int length) {
        int end() { return valueOffset + length; }
    }

    private Der() {
    }

    static Tlv read(byte[] der, int offset) {
        int tag = der[offset] & 0xFF;
        int first = der[offset + 1] & 0xFF;
        int pos = offset + 2;
        int length = first;
        if (first > 0x80) {
            int n = first & 0x7F;
            if (n > 3) {
                throw new IllegalArgumentException("DER length of " + n + " bytes is not supported");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (der[pos++] & 0xFF);
            }
        } else if (first == 0x80) {
            throw new IllegalArgumentException("indefinite DER length");
        }
        if (pos + length > der.length) {
            throw new IllegalArgumentException("DER element overruns its input");
        }
        return new Tlv(tag, pos, length);
    }

    /** Reads the element at {@code offset} and checks its tag. */
    static Tlv expect(byte[] der, int offset, int tag) {
        Tlv t = read(der, offset);
        if (t.tag() != tag) {
            throw new IllegalArgumentException(
                    "expected DER tag 0x" + Integer.toHexString(tag) + ", got 0x" + Integer.toHexString(t.tag()));
        }
        return t;
    }

    static byte[] encode(int tag, byte[]... parts) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            value.writeBytes(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.size();
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }

    /** The value of an INTEGER element as a non-negative number. */
    static java.math.BigInteger integer(byte[] der, Tlv t) {
        return new java.math.BigInteger(1, java.util.Arrays.copyOfRange(der, t.valueOffset(), t.end()));
    }

    /** The whole element (tag, length and value) at {@code t}'s position. */
    static byte[] whole(byte[] der, int offset, Tlv t) {
        return java.util.Arrays.copyOfRange(der, offset, t.end());
    }
}
