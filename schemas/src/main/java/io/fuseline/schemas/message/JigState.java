package io.fuseline.schemas.message;

/** What a station reports about one of its jigs. */
public enum JigState {
    EMPTY,
    ATTACHED,
    BUSY,
    FAULT
}
