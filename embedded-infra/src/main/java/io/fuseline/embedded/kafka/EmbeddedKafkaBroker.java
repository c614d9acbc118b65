package io.fuseline.embedded.kafka;

import io.fuseline.embedded.LocalResources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Apache Kafka's own KRaft broker (combined broker + controller, one node) inside this JVM, on loopback ports.
 *
 * <p>It uses Kafka's server internals ({@code KafkaRaftServer}, {@code StorageTool}); they are not a public API, so
 * they stay behind this one class and must be re-checked on every Kafka upgrade (the broker jar must equal the
 * clients' version).
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {
    private final KafkaRaftServer server;
    private final String bootstrap;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final Duration startupTime;
    private volatile boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrap, Path dataDir, boolean deleteOnClose,
                                Duration startupTime) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.startupTime = startupTime;
    }

    /** Starts a throw-away broker on free ports; its data is deleted on {@link #close()}. */
    public static EmbeddedKafkaBroker start() {
        return start(BrokerOptions.defaults());
    }

    /**
     * Starts a broker and waits until it answers {@code describeCluster}.
     *
     * @throws BrokerStartException if the ports are taken, the data directory is unusable or the broker does not
     *                              become ready within {@link BrokerOptions#readyTimeout()}
     */
    public static EmbeddedKafkaBroker start(BrokerOptions options) {
        long t0 = System.nanoTime();
        boolean temporary = options.dataDir() == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("fuseline-kafka-") : Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new BrokerStartException("cannot create the broker data directory " + options.dataDir(), e);
        }
        int brokerPort = options.port() > 0 ? options.port() : LocalResources.freeLoopbackPort();
        int controllerPort = LocalResources.freeLoopbackPort();
        Properties props = KraftConfig.singleNode(dir.resolve("logs"), options.host(), brokerPort, controllerPort);
        props.putAll(options.overrides());
        Path config = dir.resolve("server.properties");
        try {
            KraftConfig.write(props, config);
            formatIfNeeded(dir.resolve("logs"), config);
        } catch (IOException e) {
            throw new BrokerStartException("cannot prepare the broker data directory " + dir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        String bootstrap = options.host() + ":" + brokerPort;
        try {
            server.startup();
            awaitReady(bootstrap, options.readyTimeout());
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw e instanceof BrokerStartException b ? b
                    : new BrokerStartException("the embedded Kafka broker on " + bootstrap + " did not start", e);
        }
        return new EmbeddedKafkaBroker(server, bootstrap, dir, temporary,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    @Override
    public String bootstrapServers() { return bootstrap; }

    @Override
    public Duration startupTime() { return startupTime; }

    @Override
    public BrokerKind kind() { return BrokerKind.EMBEDDED; }

    /** The directory holding the broker's config and log segments. */
    public Path dataDir() { return dataDir; }

    /** Stops the broker (idempotent) and deletes a throw-away data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdownQuietly(server);
        if (deleteOnClose) {
            LocalResources.deleteRecursively(dataDir);
        }
    }

    private static void formatIfNeeded(Path logDir, Path config) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // an existing line resumes with its topics and offsets
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString(), "--ignore-formatted"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new BrokerStartException("formatting " + logDir + " failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static void awaitReady(String bootstrap, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new BrokerStartException("the broker on " + bootstrap + " was not ready within "
                                + timeout.toSeconds() + " s", e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrokerStartException("interrupted while waiting for the broker on " + bootstrap, e);
                }
            }
        }
    }


    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException ignored) {
            // stopping a half-started broker can fail in many ways; nothing is left to save at this point
        }
    }
}
