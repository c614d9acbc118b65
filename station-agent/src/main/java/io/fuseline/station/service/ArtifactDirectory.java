package io.fuseline.station.service;

import io.fuseline.station.job.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Images from a local directory, one file per image named {@code <sha256>.bin}. Does not check the digest: the job
 * executor does. Thread-safe (stateless reads).
 */
final class ArtifactDirectory implements ImageStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;

    ArtifactDirectory(Path dir) {
        this.dir = dir;
    }

    @Override
    public Optional<byte[]> fetch(String sha256) throws IOException {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(sha256 + ".bin");
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ArtifactDirectory[" + dir + "]";
    }
}
