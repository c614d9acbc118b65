package io.fuseline.orchestrator.query;

import java.util.List;

/** One page of results: {@code page} counts from 0, {@code total} is the number of matches on all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
