package io.fuseline.esp.partition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** gen_esp32part.py v1.5 (ESP-IDF v5.5.5) outputs under {@code vectors/partition/} (see its README.md). */
final class PartitionVectors {
    private PartitionVectors() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = PartitionVectors.class.getResourceAsStream("/vectors/partition/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource vectors/partition/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }
}
