package io.fuseline.station.job;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a station gets firmware images: by the lowercase hex SHA-256 of the plaintext image. The bytes returned are
 * not trusted: the {@link JobExecutor} checks the digest (and the Secure Boot signature) itself before it writes
 * anything. Implementations: a local artifact directory today, an HTTP source later. Must be thread-safe: every jig
 * worker fetches through the same store.
 */
public interface ImageStore {

    /**
     * The image whose plaintext SHA-256 is {@code sha256}, or empty when the store does not have it.
     *
     * @throws IOException the store could not be read (retriable from the job's point of view)
     */
    Optional<byte[]> fetch(String sha256) throws IOException;
}
