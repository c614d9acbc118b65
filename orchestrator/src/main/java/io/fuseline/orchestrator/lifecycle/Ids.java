package io.fuseline.orchestrator.lifecycle;

/** Where new ids come from (random UUIDs in service; counters in tests, so outcomes are reproducible). */
@FunctionalInterface
public interface Ids {
    /** A new unique id starting with {@code prefix} and a dash, at most 64 characters. */
    String next(String prefix);
}
