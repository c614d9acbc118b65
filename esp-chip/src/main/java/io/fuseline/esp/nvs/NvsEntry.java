package io.fuseline.esp.nvs;

import java.nio.charset.StandardCharsets;

/**
 * One key/value pair of an NVS partition, in its namespace: what the generator writes and the reader returns.
 *
 * @param namespace 1..15 bytes of UTF-8, no NUL
 * @param key 1..15 bytes of UTF-8, no NUL
 * @throws IllegalArgumentException for an empty or over-long name or a null value
 */
public record NvsEntry(String namespace, String key, NvsValue value) {
    /** The longest key or namespace name: 15 bytes, the 16th holds the terminating NUL. */
    public static final int MAX_KEY_LENGTH = 15;

    public NvsEntry {
        String problem = nameProblem(namespace);
        if (problem == null) {
            problem = nameProblem(key);
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (value == null) {
            throw new IllegalArgumentException("value of '" + key + "' is null");
        }
    }

    /** Why {@code name} cannot be a key or namespace name, or null if it can. */
    static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a key or namespace name cannot be empty";
        }
        if (name.indexOf('\0') >= 0) {
            return "key '" + name.replace("\0", "\\0") + "' contains NUL";
        }
        int length = name.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_KEY_LENGTH) {
            return "key '" + name + "' is " + length + " bytes long, at most " + MAX_KEY_LENGTH + " are allowed";
        }
        return null;
    }
}
