package io.fuseline.schemas.codec;

import io.fuseline.schemas.MessageType;
import java.time.Instant;

/** The CloudEvents attributes read from the headers, before the data is looked at. */
record Envelope(MessageType type, String id, String source, Instant time, String subject) {
}
