package io.fuseline.esp.secureboot;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One 1216-byte Secure Boot V2 signature block (NOTES §b.2, §b.3): magic {@code 0xE7}, version, the image
 * digest, the signer's public key fields, the signature, and a CRC32 over the first 1196 bytes. Immutable,
 * thread-safe; {@link #toBytes()} returns the exact bytes parsed or built.
 */
public final class SignatureBlock {
    /** Bytes of one block in the signature sector. */
    public static final int SIZE = 1216;
    private static final int MAGIC = 0xE7;
    private static final int CRC_OFFSET = 1196;
    private static final int DIGEST_OFFSET = 4;

    private final byte[] bytes;
    private final SignatureScheme scheme;

    private SignatureBlock(byte[] bytes, SignatureScheme scheme) {
        this.bytes = bytes;
        this.scheme = scheme;
    }

    /**
     * The block at {@code b[off, off + 1216)}, or empty if it is not a valid one (magic, version, CRC, curve),
     * which is how an unused slot (0xFF) reads.
     */
    public static Optional<SignatureBlock> parse(byte[] b, int off) {
        if (off < 0 || off + SIZE > b.length || (b[off] & 0xFF) != MAGIC) {
            return Optional.empty();
        }
        byte[] block = Arrays.copyOfRange(b, off, off + SIZE);
        if (crc(block) != readCrc(block)) {
            return Optional.empty();
        }
        SignatureScheme scheme = switch (block[1]) {
            case 0x02 -> SignatureScheme.RSA_3072_PSS;
            case 0x03 -> SignatureScheme.ofCurveId(block[block[2] == 1 ? 52 : 36]);
            default -> null;
        };
        return scheme == null ? Optional.empty() : Optional.of(new SignatureBlock(block, scheme));
    }

    /**
     * Builds a block.
     *
     * @param imageDigest the digest of the padded image ({@link SignatureScheme#digestAlgorithm()})
     * @param key the signer's public key, which also decides the scheme
     * @param signature as a {@link Signer} returns it: RSA big-endian, ECDSA r ‖ s big-endian
     */
    public static SignatureBlock create(byte[] imageDigest, PublicKey key, byte[] signature) {
        SignatureScheme scheme = KeyFields.schemeOf(key);
        if (imageDigest.length != scheme.digestLength() || signature.length != scheme.signatureLength()) {
            throw new IllegalArgumentException(scheme + " needs a " + scheme.digestLength() + "-byte digest and a "
                    + scheme.signatureLength() + "-byte signature, got " + imageDigest.length + " and "
                    + signature.length);
        }
        byte[] b = new byte[SIZE];
        b[0] = (byte) MAGIC;
        b[1] = (byte) scheme.blockVersion();
        b[2] = (byte) (scheme == SignatureScheme.ECDSA_P384 ? 1 : 0); // ECDSA: 0 = SHA-256, 1 = SHA-384
        System.arraycopy(imageDigest, 0, b, DIGEST_OFFSET, imageDigest.length);
        byte[] fields = KeyFields.encode(key);
        int keyOffset = keyOffset(scheme);
        System.arraycopy(fields, 0, b, keyOffset, fields.length);
        // The ROM reads every number little-endian: reverse the signature (each half for ECDSA).
        int sigOffset = keyOffset + fields.length;
        int c = scheme.isEcdsa() ? scheme.componentBytes() : signature.length;
        for (int part = 0; part < signature.length / c; part++) {
            byte[] le = KeyFields.reversed(signature, part * c, c);
            System.arraycopy(le, 0, b, sigOffset + part * c, c);
        }
        long crc = crc(b);
        for (int i = 0; i < 4; i++) {
            b[CRC_OFFSET + i] = (byte) (crc >>> (8 * i));
        }
        return new SignatureBlock(b, scheme);
    }

    public SignatureScheme scheme() { return scheme; }

    /** The image digest the block claims, big-endian as the hash function produced it. */
    public byte[] imageDigest() {
        return Arrays.copyOfRange(bytes, DIGEST_OFFSET, DIGEST_OFFSET + scheme.digestLength());
    }

    /** SHA-256 of the key fields as stored: what the chip compares with the eFuse digest. */
    public byte[] publicKeyDigest() {
        int off = keyOffset(scheme);
        return PublicKeyDigest.sha256(Arrays.copyOfRange(bytes, off, off + KeyFields.length(scheme)));
    }

    /** The public key the block names (RSA: from n and e; R² mod n and m' are not checked here). */
    public PublicKey publicKey() {
        return KeyFields.decode(scheme, bytes, keyOffset(scheme));
    }

    /** The signature in {@link Signer} format: RSA big-endian, ECDSA r ‖ s big-endian. */
    public byte[] signature() {
        int off = keyOffset(scheme) + KeyFields.length(scheme);
        if (!scheme.isEcdsa()) {
            return KeyFields.reversed(bytes, off, 384);
        }
        int c = scheme.componentBytes();
        byte[] out = new byte[2 * c];
        System.arraycopy(KeyFields.reversed(bytes, off, c), 0, out, 0, c);
        System.arraycopy(KeyFields.reversed(bytes, off + c, c), 0, out, c, c);
        return out;
    }

    public byte[] toBytes() { return bytes.clone(); }

    private static int keyOffset(SignatureScheme scheme) {
        return scheme == SignatureScheme.ECDSA_P384 ? 52 : 36;
    }

    private static long crc(byte[] block) {
        CRC32 crc = new CRC32();
        crc.update(block, 0, CRC_OFFSET);
        return crc.getValue();
    }

    private static long readCrc(byte[] block) {
        long v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | (block[CRC_OFFSET + i] & 0xFF);
        }
        return v;
    }

    @Override
    public String toString() {
        return "SignatureBlock[" + scheme + ", key digest " + java.util.HexFormat.of().formatHex(publicKeyDigest()) + "]";
    }
}
