package io.fuseline.station.service;

import io.fuseline.embedded.kafka.KafkaBroker;
import io.fuseline.embedded.kafka.TestKafkaBroker;
import io.fuseline.esp.ChipFamily;
import io.fuseline.station.job.JobFixture;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A line for the service test: the embedded broker, two virtual jigs (ESP32 and ESP32-S3) on loopback, an artifact
 * directory holding the S3 release, and a fresh keystore location.
 */
public class StationLineResource implements QuarkusTestResourceLifecycleManager {

    static volatile VirtualJigServer esp32;
    static volatile VirtualJigServer esp32s3;
    static volatile List<JobFixture.Image> s3Release;
    static volatile String bootstrap;

    private KafkaBroker broker;
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            broker = TestKafkaBroker.start();
            bootstrap = broker.bootstrapServers();
            esp32 = VirtualJigServer.start(new VirtualChip(JigConfig.defaults(ChipFamily.ESP32)), 0);
            esp32s3 = VirtualJigServer.start(new VirtualChip(JigConfig.defaults(ChipFamily.ESP32S3)), 0);
            dir = Files.createTempDirectory("station-it");
            Path artifacts = Files.createDirectories(dir.resolve("artifacts"));
            s3Release = JobFixture.release(ChipFamily.ESP32S3, 21);
            for (JobFixture.Image i : s3Release) {
                Files.write(artifacts.resolve(io.fuseline.station.job.JobFixture.sha256(i.bytes()) + ".bin"),
                        i.bytes());
            }
            return Map.of("kafka.bootstrap.servers", bootstrap,
                    "fuseline.station.id", "st-01",
                    "fuseline.station.jigs", esp32.address() + "," + esp32s3.address() + "," + deadJig(),
                    "fuseline.station.artifacts-dir", artifacts.toString(),
                    "fuseline.station.keystore", dir.resolve("keys/station.p12").toString(),
                    "fuseline.station.keystore-password-file", dir.resolve("keys/station.password").toString(),
                    "fuseline.station.public-key-file", dir.resolve("keys/station.pub.pem").toString(),
                    "fuseline.station.poll-interval", "200ms",
                    "fuseline.station.heartbeat-interval", "1s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nobody listens on: the third jig's cable is unplugged. */
    private static String deadJig() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "socket://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Override
    public void stop() {
        try {
            if (esp32 != null) {
                esp32.close();
            }
            if (esp32s3 != null) {
                esp32s3.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
