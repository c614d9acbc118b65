package io.fuseline.schemas.message;

import java.util.Objects;

/**
 * An image a job writes, identified by name ({@code bootloader}, {@code partition-table}, {@code app}, {@code nvs})
 * and by the lowercase hex SHA-256 of its plaintext; the station refuses an image whose digest differs.
 */
public record FlashImage(String name, String sha256, long sizeBytes) {
    public FlashImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
