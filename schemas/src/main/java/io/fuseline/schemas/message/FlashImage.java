package io.fuseline.schemas.message;

import java.util.Objects;

/**
 * A release image a job writes, identified by name ({@code bootloader}, {@code partition-table}, {@code app}, ...)
 * and by the lowercase hex SHA-256 of its plaintext; the station refuses an image whose digest differs. The unit's
 * own NVS partitions are not release images: {@link UnitNvs} describes them.
 */
public record FlashImage(String name, String sha256, long sizeBytes) {
    public FlashImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
