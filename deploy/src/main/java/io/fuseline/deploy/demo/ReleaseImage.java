package io.fuseline.deploy.demo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of a firmware release and where it goes in flash.
 *
 * @param name      the recipe's image name ({@code bootloader}, {@code partition-table}, {@code app})
 * @param address   flash offset in bytes
 * @param bytes     the plaintext image as it is written before flash encryption
 * @param encrypted whether it is written under the unit's flash-encryption key
 */
public record ReleaseImage(String name, long address, byte[] bytes, boolean encrypted) {
    public ReleaseImage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** Lowercase hex SHA-256 of the plaintext: how recipes, jobs and stations name an image. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    /** File name in a release folder: {@code <name>.bin}. */
    public String fileName() {
        return name + ".bin";
    }
}
