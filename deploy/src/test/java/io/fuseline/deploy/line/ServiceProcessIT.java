package io.fuseline.deploy.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.embedded.LocalResources;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessIT {
    @TempDir
    Path dir;

    private ServiceSpec fake(Map<String, String> props, int port, Duration timeout) {
        return new ServiceSpec("fake", List.of("-Xmx64m"),
                List.of("-cp", System.getProperty("java.class.path"), FakeService.class.getName()), props, dir,
                dir.resolve("logs/fake.log"), URI.create("http://127.0.0.1:" + port + "/q/health/ready"), timeout);
    }

    @Test
    void startsWaitsForReadinessAndStopsTheChild() {
        int port = LocalResources.freeLoopbackPort();
        ServiceProcess service = ServiceProcess.start(fake(Map.of("quarkus.http.port", String.valueOf(port)), port,
                Duration.ofSeconds(30)));
        assertThat(service.isAlive()).isTrue();
        assertThat(service.tail(5)).contains("fake service ready on " + port);
        service.close();
        assertThat(service.isAlive()).isFalse();
        service.close();
    }

    @Test
    void aServiceThatExitsWhileStartingIsReportedWithTheEndOfItsLog() {
        int port = LocalResources.freeLoopbackPort();
        assertThatThrownBy(() -> ServiceProcess.start(fake(Map.of("fake.fail", "true",
                "quarkus.http.port", String.valueOf(port)), port, Duration.ofSeconds(30))))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("fake exited with code 3")
                .hasMessageContaining("configuration is broken on purpose");
    }

    @Test
    void aServiceThatNeverBecomesReadyTimesOutAndIsStopped() {
        int port = LocalResources.freeLoopbackPort();
        int wrongPort = LocalResources.freeLoopbackPort();
        assertThatThrownBy(() -> ServiceProcess.start(fake(Map.of("quarkus.http.port", String.valueOf(port)),
                wrongPort, Duration.ofSeconds(3))))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("was not ready within 3 s");
    }
}
