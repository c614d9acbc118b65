package io.fuseline.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to start an embedded broker.
 *
 * @param host         listener address; loopback unless a line is deliberately shared (default {@code 127.0.0.1})
 * @param port         PLAINTEXT port, 0 = pick a free one
 * @param dataDir      where the log segments live; {@code null} = a temporary directory deleted on close
 * @param readyTimeout how long to wait for the broker to answer (default 60 s: 2–3 s idle, up to 9 s under load)
 * @param overrides    extra server properties, applied last
 */
public record BrokerOptions(String host, int port, Path dataDir, Duration readyTimeout, Map<String, String> overrides) {
    public BrokerOptions {
        overrides = Map.copyOf(overrides);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("broker port " + port + " is not a TCP port");
        }
    }

    public static BrokerOptions defaults() {
        return new BrokerOptions("127.0.0.1", 0, null, Duration.ofSeconds(60), Map.of());
    }

    public BrokerOptions withPort(int newPort) {
        return new BrokerOptions(host, newPort, dataDir, readyTimeout, overrides);
    }

    public BrokerOptions withDataDir(Path dir) {
        return new BrokerOptions(host, port, dir, readyTimeout, overrides);
    }

    public BrokerOptions withOverrides(Map<String, String> extra) {
        return new BrokerOptions(host, port, dataDir, readyTimeout, extra);
    }
}
