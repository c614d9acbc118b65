package io.fuseline.schemas.codec;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudEvent in binary mode, ready for a Kafka adapter: the headers (name to UTF-8 bytes, in a stable order) and
 * the JSON data. The adapter adds the headers to the record and uses {@code data} as the value; the key comes from
 * {@code io.fuseline.schemas.Topics#keyFor}.
 */
public record EncodedEvent(Map<String, byte[]> headers, byte[] data) {
    public EncodedEvent {
        Objects.requireNonNull(data, "data");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A header's value as text, or null when absent. */
    public String header(String name) {
        byte[] value = headers.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EncodedEvent[" + header(CloudEventHeaders.TYPE) + " " + header(CloudEventHeaders.ID) + ", "
                + data.length + " bytes]";
    }
}
