package io.fuseline.esp.secureboot;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM keys espsecure accepts, with plain JCA: {@code PUBLIC KEY} (SubjectPublicKeyInfo),
 * {@code PRIVATE KEY} (PKCS#8), {@code EC PRIVATE KEY} (SEC1, as {@code openssl ecparam -genkey} writes) and
 * {@code RSA PRIVATE KEY} (PKCS#1). Encrypted PEM is refused. Stateless, thread-safe.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    // DER of OID 1.2.840.10045.2.1 (id-ecPublicKey), of 1.2.840.113549.1.1.1 (rsaEncryption), and the RSA
    // AlgorithmIdentifier (that OID with NULL parameters).
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01,
        0x01, 0x01};
    private static final byte[] RSA_ALGORITHM = Der.encode(Der.SEQUENCE, RSA_OID, new byte[] {0x05, 0x00});
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final int CONTEXT_1 = 0xA1;

    private Pem() {
    }

    /** The public key of a {@code PUBLIC KEY} block, or the one a private key block carries. */
    public static PublicKey readPublicKey(String pem) {
        Block b = first(pem);
        byte[] der = b.der();
        if (b.type().equals("PUBLIC KEY")) {
            return generate(isRsa(der) ? "RSA" : "EC", kf -> kf.generatePublic(new X509EncodedKeySpec(der)));
        }
        if (b.type().equals("EC PRIVATE KEY") || (b.type().equals("PRIVATE KEY") && !isRsa(der))) {
            return generate("EC", kf -> kf.generatePublic(new X509EncodedKeySpec(ecPublicFromPrivate(pkcs8(b)))));
        }
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) readPrivateKey(pem);
        return generate("RSA", kf -> kf.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())));
    }

    public static PrivateKey readPrivateKey(String pem) {
        Block b = first(pem);
        return generate(b.type().startsWith("RSA") || isRsa(b.der()) ? "RSA" : "EC",
                kf -> kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8(b))));
    }

    private static byte[] pkcs8(Block b) {
        byte[] der = b.der();
        return switch (b.type()) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> Der.encode(Der.SEQUENCE, VERSION_0, RSA_ALGORITHM, Der.encode(Der.OCTET_STRING, der));
            case "EC PRIVATE KEY" -> {
                // SEC1 names its curve in [0]; PKCS#8 wants it in the algorithm identifier.
                Der.Tlv curve = sec1Field(der, Der.CONTEXT_0);
                Der.Tlv oid = Der.expect(der, curve.valueOffset(), Der.OID);
                byte[] algorithm = Der.encode(Der.SEQUENCE, EC_PUBLIC_KEY_OID, Der.whole(der, curve.valueOffset(), oid));
                yield Der.encode(Der.SEQUENCE, VERSION_0, algorithm, Der.encode(Der.OCTET_STRING, der));
            }
            default -> throw new IllegalArgumentException("PEM block '" + b.type() + "' is not a key");
        };
    }

    /** SubjectPublicKeyInfo from the public point that SEC1's optional {@code [1]} carries (openssl writes it). */
    private static byte[] ecPublicFromPrivate(byte[] pkcs8) {
        Der.Tlv outer = Der.expect(pkcs8, 0, Der.SEQUENCE);
        int pos = Der.expect(pkcs8, outer.valueOffset(), Der.INTEGER).end();
        Der.Tlv algorithm = Der.expect(pkcs8, pos, Der.SEQUENCE);
        Der.Tlv privateKey = Der.expect(pkcs8, algorithm.end(), Der.OCTET_STRING);
        byte[] sec1 = java.util.Arrays.copyOfRange(pkcs8, privateKey.valueOffset(), privateKey.end());
        Der.Tlv point = sec1Field(sec1, CONTEXT_1);
        Der.Tlv bits = Der.expect(sec1, point.valueOffset(), Der.BIT_STRING);
        return Der.encode(Der.SEQUENCE, Der.whole(pkcs8, pos, algorithm), Der.whole(sec1, point.valueOffset(), bits));
    }

    /** The optional context-tagged field {@code tag} of a SEC1 {@code ECPrivateKey}. */
    private static Der.Tlv sec1Field(byte[] sec1, int tag) {
        Der.Tlv seq = Der.expect(sec1, 0, Der.SEQUENCE);
        int pos = Der.expect(sec1, seq.valueOffset(), Der.INTEGER).end();
        pos = Der.expect(sec1, pos, Der.OCTET_STRING).end();
        while (pos < seq.end()) {
            Der.Tlv t = Der.read(sec1, pos);
            if (t.tag() == tag) {
                return t;
            }
            pos = t.end();
        }
        throw new IllegalArgumentException("EC private key lacks field [" + (tag & 0x1F) + "] (curve or public point)");
    }

    private record Block(String type, byte[] der) {
    }

    private static Block first(String pem) {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no PEM block found");
        }
        if (pem.contains("ENCRYPTED")) {
            throw new IllegalArgumentException("encrypted PEM keys are not supported");
        }
        return new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
    }

    /** Whether the rsaEncryption OID appears in the key's header (the first 32 bytes). */
    private static boolean isRsa(byte[] der) {
        outer:
        for (int i = 0; i + RSA_OID.length <= der.length && i < 32; i++) {
            for (int j = 0; j < RSA_OID.length; j++) {
                if (der[i + j] != RSA_OID[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private interface KeyMaker<K> {
        K make(KeyFactory kf) throws GeneralSecurityException;
    }

    private static <K> K generate(String algorithm, KeyMaker<K> maker) {
        try {
            return maker.make(KeyFactory.getInstance(algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a readable " + algorithm + " key: " + e.getMessage(), e);
        }
    }
}
