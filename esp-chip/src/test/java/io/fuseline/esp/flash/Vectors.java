package io.fuseline.esp.flash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads the espsecure reference vectors copied under {@code src/test/resources/vectors/}. */
final class Vectors {
    private Vectors() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource vectors/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a TSV file without its header line, each split on tabs. */
    static List<String[]> tsv(String path) {
        String text = new String(bytes(path), StandardCharsets.UTF_8);
        return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
    }

    static long hex(String text) {
        return Long.parseLong(text.startsWith("0x") ? text.substring(2) : text, 16);
    }

    static byte[] slice(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }
}
