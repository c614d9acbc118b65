package io.fuseline.esp.nvs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** The nvs_partition_gen.py reference vectors copied under {@code src/test/resources/vectors/nvs/}. */
final class NvsVectors {
    private NvsVectors() {
    }

    static byte[] bytes(String path) {
        byte[] b = bytesOrNull(path);
        if (b == null) {
            throw new IllegalArgumentException("no test resource vectors/nvs/" + path);
        }
        return b;
    }

    static byte[] bytesOrNull(String path) {
        try (InputStream in = NvsVectors.class.getResourceAsStream("/vectors/nvs/" + path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** Resolves a CSV's file rows against the vector folder, as the CLI resolves them against the CSV's folder. */
    static Function<String, byte[]> resolver() {
        return NvsVectors::bytesOrNull;
    }

    static List<NvsEntrySpec> csv(String path) {
        return NvsCsv.parse(text(path));
    }

    /** 32 bytes counting up from {@code first}. */
    static byte[] counting(int first) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }
}
