package io.fuseline.esp.secureboot;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Secure Boot V2 signed images as {@code espsecure sign_data --version 2} writes them (NOTES §b.1): the
 * image padded with 0xFF to a multiple of 4096, then one 4096-byte signature sector holding up to three
 * {@link SignatureBlock}s and 0xFF. The signature covers everything before that sector. Stateless,
 * thread-safe.
 */
public final class SignedImage {
    /** Bytes of the signature sector, and the alignment of the signed content. */
    public static final int SECTOR = 4096;
    /** Signature blocks a sector holds (the ESP32 uses only the first). */
    public static final int MAX_BLOCKS = 3;

    private SignedImage() {
    }

    /** The image padded with 0xFF to a multiple of {@value #SECTOR}; a copy even when already aligned. */
    public static byte[] pad(byte[] image) {
        byte[] padded = Arrays.copyOf(image, (image.length + SECTOR - 1) / SECTOR * SECTOR);
        Arrays.fill(padded, image.length, padded.length, (byte) 0xFF);
        return padded;
    }

    /** Pads {@code image} and appends a signature sector with one block per signer (1 to 3, in order). */
    public static byte[] sign(byte[] image, List<? extends Signer> signers) {
        return withBlocks(pad(image), List.of(), signers);
    }

    /**
     * Adds blocks to an already signed image, keeping its valid blocks first (espsecure
     * {@code --append_signatures}).
     */
    public static byte[] appendSignatures(byte[] signedImage, List<? extends Signer> signers) {
        requireSigned(signedImage);
        List<SignatureBlock> kept = blocks(signedImage).stream().flatMap(Optional::stream).toList();
        return withBlocks(Arrays.copyOf(signedImage, signedImage.length - SECTOR), kept, signers);
    }

    private static byte[] withBlocks(byte[] content, List<SignatureBlock> kept, List<? extends Signer> signers) {
        if (signers.isEmpty() || kept.size() + signers.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException("a signature sector holds 1 to " + MAX_BLOCKS + " blocks, asked for "
                    + kept.size() + " kept + " + signers.size() + " new");
        }
        List<SignatureBlock> all = new ArrayList<>(kept);
        for (Signer signer : signers) {
            byte[] digest = digest(signer.scheme(), content, content.length);
            all.add(SignatureBlock.create(digest, signer.publicKey(), signer.signDigest(digest)));
        }
        byte[] out = Arrays.copyOf(content, content.length + SECTOR);
        Arrays.fill(out, content.length, out.length, (byte) 0xFF);
        for (int i = 0; i < all.size(); i++) {
            System.arraycopy(all.get(i).toBytes(), 0, out, content.length + i * SignatureBlock.SIZE, SignatureBlock.SIZE);
        }
        return out;
    }

    /** The three block slots of the signature sector; empty where the slot holds no valid block. */
    public static List<Optional<SignatureBlock>> blocks(byte[] signedImage) {
        requireSigned(signedImage);
        int sector = signedImage.length - SECTOR;
        List<Optional<SignatureBlock>> slots = new ArrayList<>();
        for (int i = 0; i < MAX_BLOCKS; i++) {
            slots.add(SignatureBlock.parse(signedImage, sector + i * SignatureBlock.SIZE));
        }
        return slots;
    }

    /**
     * Verifies like {@code espsecure verify_signature --version 2}: the first valid block whose image digest
     * is wrong ends the check; otherwise the first block that verifies with {@code key} wins. The key fields
     * stored in a block are not compared with {@code key} (see {@link #verifyAgainstKeyDigests}).
     *
     * @throws UnsupportedOperationException for a P-192 key, which the JDK cannot verify
     */
    public static Verification verify(byte[] signedImage, PublicKey key) {
        return check(signedImage, List.of(), key);
    }

    /**
     * Verifies as a chip with Secure Boot V2 enabled: a block counts only if the digest of the key it
     * carries is one of {@code efuseKeyDigests} (non-revoked SECURE_BOOT_DIGESTn), and it must then verify
     * with that key. Catches a corrupted key field that {@link #verify} cannot see.
     */
    public static Verification verifyAgainstKeyDigests(byte[] signedImage, List<byte[]> efuseKeyDigests) {
        if (efuseKeyDigests.isEmpty()) {
            throw new IllegalArgumentException("no key digest given");
        }
        return check(signedImage, efuseKeyDigests, null);
    }

    private static Verification check(byte[] signedImage, List<byte[]> keyDigests, PublicKey key) {
        List<Optional<SignatureBlock>> slots = blocks(signedImage);
        int contentLength = signedImage.length - SECTOR;
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).isEmpty()) {
                continue;
            }
            SignatureBlock block = slots.get(i).get();
            if (key == null && keyDigests.stream().noneMatch(d -> Arrays.equals(d, block.publicKeyDigest()))) {
                continue;
            }
            if (!Arrays.equals(block.imageDigest(), digest(block.scheme(), signedImage, contentLength))) {
                return new Verification.ImageDigestMismatch(i);
            }
            PublicKey verifier = key != null ? key : block.publicKey();
            if (KeyFields.schemeOf(verifier) == block.scheme() && verifies(block, verifier, signedImage, contentLength)) {
                return new Verification.Verified(i);
            }
        }
        return new Verification.NotVerified(key != null ? "no valid signature block verifies with the supplied key"
                : "no valid signature block carries a key whose digest is given and verifies with it");
    }

    private static boolean verifies(SignatureBlock block, PublicKey key, byte[] image, int length) {
        SignatureScheme scheme = block.scheme();
        if (scheme == SignatureScheme.ECDSA_P192) {
            throw new UnsupportedOperationException("the JDK cannot verify ECDSA P-192 signatures");
        }
        try {
            Signature sig;
            if (scheme.isEcdsa()) {
                sig = Signature.getInstance(scheme.digestAlgorithm().replace("-", "") + "withECDSAinP1363Format");
            } else {
                sig = Signature.getInstance("RSASSA-PSS");
                sig.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            sig.initVerify(key);
            sig.update(image, 0, length);
            return sig.verify(block.signature());
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is one that does not verify
        }
    }

    private static byte[] digest(SignatureScheme scheme, byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance(scheme.digestAlgorithm());
            md.update(data, 0, length);
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(scheme.digestAlgorithm() + " is mandatory in every JDK", e);
        }
    }

    private static void requireSigned(byte[] signedImage) {
        if (signedImage.length == 0 || signedImage.length % SECTOR != 0) {
            throw new IllegalArgumentException("a signed image is a non-zero multiple of " + SECTOR
                    + " bytes, got " + signedImage.length);
        }
    }
}
