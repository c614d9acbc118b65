package io.fuseline.orchestrator.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Moves CloudEvents binary-mode headers between Kafka's {@link Headers} and the codec's plain map. */
final class KafkaCloudEventHeaders {
    private KafkaCloudEventHeaders() {
    }

    /** The last value of each header wins, as a Kafka consumer would read a repeated header. */
    static Map<String, byte[]> toMap(Headers headers) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        if (headers != null) {
            for (Header h : headers) {
                map.put(h.key(), h.value());
            }
        }
        return map;
    }

    static Headers fromMap(Map<String, byte[]> map) {
        RecordHeaders headers = new RecordHeaders();
        map.forEach(headers::add);
        return headers;
    }
}
