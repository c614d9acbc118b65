package io.fuseline.hsm.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a token PIN or key-store password comes from: a configuration value or a file (first line, trailing
 * whitespace dropped). Never a command-line argument, which would show in {@code ps}. {@code toString} never shows
 * the secret.
 */
public final class PinSource {
    private final Path file;
    private final char[] value;

    private PinSource(Path file, char[] value) {
        this.file = file;
        this.value = value;
    }

    /** Reads the PIN from {@code file} each time it is needed. */
    public static PinSource file(Path file) {
        return new PinSource(file, null);
    }

    /** A PIN given in configuration (copied). */
    public static PinSource of(char[] pin) {
        return new PinSource(null, pin.clone());
    }

    /** A fresh copy of the PIN, which the caller clears after use. */
    public char[] read() {
        if (value != null) {
            return value.clone();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Arrays.fill(bytes, (byte) 0);
            int end = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
            return text.substring(0, end).strip().toCharArray();
        } catch (IOException e) {
            throw new VaultException(VaultError.LOGIN_FAILED, null, "cannot read the PIN file " + file + ": "
                    + e.getClass().getSimpleName(), null);
        }
    }

    @Override
    public String toString() {
        return file != null ? "PinSource[file " + file + "]" : "PinSource[configured value]";
    }
}
