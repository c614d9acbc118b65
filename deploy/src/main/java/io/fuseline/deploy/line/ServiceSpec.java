package io.fuseline.deploy.line;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run one service of a local line as a child JVM.
 *
 * @param name         short name for progress lines and errors ({@code orchestrator})
 * @param jvmArgs      JVM options before the main part (e.g. {@code -Xmx512m})
 * @param main         what follows them: {@code -jar app.jar} or {@code -cp CP some.Main}
 * @param properties   system properties ({@code -Dkey=value}); Quarkus reads its configuration from them
 * @param workDir      the child's working directory
 * @param logFile      where its standard output and error go
 * @param readiness    an HTTP URL that answers 200 once the service is ready, or {@code null} to consider it ready
 *                     as soon as it runs
 * @param readyTimeout how long to wait for readiness before giving up
 */
public record ServiceSpec(String name, List<String> jvmArgs, List<String> main, Map<String, String> properties,
                          Path workDir, Path logFile, URI readiness, Duration readyTimeout) {
    public ServiceSpec {
        jvmArgs = List.copyOf(jvmArgs);
        main = List.copyOf(main);
        properties = Map.copyOf(properties);
        if (main.isEmpty()) {
            throw new IllegalArgumentException(name + ": nothing to run");
        }
    }

    /** A Quarkus application packaged as {@code <appDir>/quarkus-run.jar}, ready when its readiness check is UP. */
    public static ServiceSpec quarkus(String name, Path appDir, int httpPort, Map<String, String> config,
                                      Path workDir, Path logDir) {
        Map<String, String> props = new java.util.HashMap<>(config);
        props.put("quarkus.http.port", String.valueOf(httpPort));
        props.put("quarkus.http.host", "127.0.0.1");
        // The parallel collector: a line's services want throughput on few cores, and their live data is small
        // (young collections of a few milliseconds). G1's concurrent marking and barriers cost the orchestrator
        // 13 % more CPU per unit in OrchestratorBenchmark (docs/benchmarks.md).
        return new ServiceSpec(name, List.of("-Xmx512m", "-XX:+UseParallelGC"),
                List.of("-jar", appDir.resolve("quarkus-run.jar").toString()),
                props, workDir, logDir.resolve(name + ".log"),
                URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"), Duration.ofSeconds(120));
    }
}
