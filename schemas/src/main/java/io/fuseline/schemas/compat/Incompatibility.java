package io.fuseline.schemas.compat;

/**
 * One way in which a schema change breaks a reader: {@code path} is the JSON pointer into the (dereferenced) schema
 * where the two differ, {@code reason} what a reader would now refuse.
 */
public record Incompatibility(String path, String reason) {
    @Override
    public String toString() { return (path.isEmpty() ? "(root)" : path) + ": " + reason; }
}
