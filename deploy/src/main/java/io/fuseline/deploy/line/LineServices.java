package io.fuseline.deploy.line;

import io.fuseline.embedded.LocalResources;
import io.fuseline.embedded.kafka.BrokerOptions;
import io.fuseline.embedded.kafka.EmbeddedKafkaBroker;
import io.fuseline.embedded.postgres.EmbeddedPostgresDatabase;
import io.fuseline.embedded.postgres.PostgresOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The processes of one local line, on 127.0.0.1 only: the Kafka broker and PostgreSQL inside this JVM, hsm-signer,
 * the orchestrator and one station agent as child JVMs from their packaged Quarkus applications. Started in
 * dependency order (broker and database, then the three services side by side); {@link #close()} stops all of them
 * in reverse order, also when starting failed half way.
 */
public final class LineServices implements AutoCloseable {

    /** Where a service's packaged application is, and what it needs to know about the line. */
    /**
     * @param vaultConfig hsm-signer's {@code fuseline.hsm.*} settings for the line's vault (the custody ledger is set
     *                    here)
     */
    public record Settings(Path repositoryRoot, LineHome home, String stationId, List<String> jigAddresses,
                           Duration stationPollInterval, Map<String, String> vaultConfig) {
        public Settings {
            jigAddresses = List.copyOf(jigAddresses);
            vaultConfig = Map.copyOf(vaultConfig);
        }
    }

    private final Settings settings;
    private final Consumer<String> say;
    private EmbeddedKafkaBroker broker;
    private EmbeddedPostgresDatabase database;
    private final List<ServiceProcess> services = new ArrayList<>();
    private int orchestratorPort;

    private LineServices(Settings settings, Consumer<String> say) {
        this.settings = settings;
        this.say = say;
    }

    /** Starts everything and returns once every service reports ready. */
    public static LineServices start(Settings settings, Consumer<String> say) {
        LineServices line = new LineServices(settings, say);
        try {
            line.startAll();
            return line;
        } catch (RuntimeException e) {
            line.close();
            throw e;
        }
    }

    private void startAll() {
        for (String service : List.of("hsm-signer", "orchestrator", "station-agent")) {
            Path app = appDir(service);
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                throw new ServiceStartException(service + " is not built: " + app.resolve("quarkus-run.jar")
                        + " is missing; run ./mvnw -DskipTests package (./fuseline does it when sources change)");
            }
        }
        LineHome home = settings.home();
        broker = EmbeddedKafkaBroker.start(BrokerOptions.defaults().withDataDir(home.kafka()));
        say.accept("Kafka broker      " + broker.bootstrapServers() + "  (ready in " + millis(broker.startupTime())
                + ")");
        database = EmbeddedPostgresDatabase.start(PostgresOptions.defaults().withDataDir(home.postgres()));
        say.accept("PostgreSQL        127.0.0.1:" + database.port() + "/" + database.database() + "  (ready in "
                + millis(database.startupTime()) + ")");

        orchestratorPort = LocalResources.freeLoopbackPort();
        List<ServiceProcess> starting = new ArrayList<>();
        starting.add(launch(ServiceSpec.quarkus("hsm-signer", appDir("hsm-signer"), LocalResources.freeLoopbackPort(),
                hsmConfig(), dir(home.hsmDir()), home.logs())));
        starting.add(launch(ServiceSpec.quarkus("orchestrator", appDir("orchestrator"), orchestratorPort,
                orchestratorConfig(), dir(home.orchestratorDir()), home.logs())));
        starting.add(launch(ServiceSpec.quarkus("station-agent", appDir("station-agent"),
                LocalResources.freeLoopbackPort(), stationConfig(), dir(home.stationDir()), home.logs())));
        long t0 = System.nanoTime();
        for (ServiceProcess s : starting) {
            s.awaitReady();
            say.accept(String.format("%-17s ready after %s  (log %s)", s.name(),
                    millis(Duration.ofNanos(System.nanoTime() - t0)), s.logFile()));
        }
    }

    private ServiceProcess launch(ServiceSpec spec) {
        ServiceProcess p = ServiceProcess.launch(spec);
        services.add(p);
        return p;
    }

    private Map<String, String> common() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("kafka.bootstrap.servers", broker.bootstrapServers());
        c.put("quarkus.banner.enabled", "false");
        return c;
    }

    private Map<String, String> hsmConfig() {
        LineHome home = settings.home();
        Map<String, String> c = common();
        c.putAll(settings.vaultConfig());
        c.put("fuseline.hsm.custody-ledger", home.custodyLedger().toString());
        c.put("fuseline.hsm.audit-key-name", LineHome.AUDIT_KEY_NAME);
        return c;
    }

    private Map<String, String> orchestratorConfig() {
        LineHome home = settings.home();
        Map<String, String> c = common();
        c.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        c.put("quarkus.datasource.username", database.user());
        c.put("quarkus.datasource.password", database.password());
        c.put("fuseline.lifecycle.recipes-dir", home.recipes().toString());
        // Checkpoints are signed by the vault's audit key (through hsm-signer), verified with its exported public key.
        c.put("fuseline.audit.checkpoint.signer", "vault");
        c.put("fuseline.audit.checkpoint.vault-public-key-file", home.auditPublicKey().toString());
        // A demo is short: sign the chain's head every few seconds, so the summary can verify a signed chain.
        c.put("fuseline.audit.checkpoint.every-duration", "3s");
        c.put("fuseline.audit.checkpoint.check-interval", "1s");
        return c;
    }

    private Map<String, String> stationConfig() {
        LineHome home = settings.home();
        Map<String, String> c = common();
        c.put("fuseline.station.id", settings.stationId());
        c.put("fuseline.station.jigs", String.join(",", settings.jigAddresses()));
        c.put("fuseline.station.artifacts-dir", home.artifacts().toString());
        c.put("fuseline.station.keystore", home.stationKeystore().toString());
        c.put("fuseline.station.keystore-password-file", home.stationPasswordFile().toString());
        c.put("fuseline.station.public-key-file", home.stationPublicKey().toString());
        c.put("fuseline.station.poll-interval", settings.stationPollInterval().toMillis() + "ms");
        c.put("fuseline.station.heartbeat-interval", "5s");
        return c;
    }

    private Path appDir(String module) {
        return settings.repositoryRoot().resolve(module).resolve("target").resolve("quarkus-app");
    }

    private static Path dir(Path d) {
        try {
            return Files.createDirectories(d);
        } catch (java.io.IOException e) {
            throw new ServiceStartException("cannot create " + d + ": " + e.getMessage(), e);
        }
    }

    private static String millis(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    public String bootstrapServers() { return broker.bootstrapServers(); }

    public EmbeddedPostgresDatabase database() { return database; }

    /** The orchestrator's REST API and console, e.g. {@code http://127.0.0.1:41234}. */
    public String orchestratorUrl() { return "http://127.0.0.1:" + orchestratorPort; }

    /** The services that died since they started (a line with a dead service is not running). */
    public List<String> deadServices() {
        return services.stream().filter(s -> !s.isAlive()).map(ServiceProcess::name).toList();
    }

    /** The last lines of a service's log. */
    public String tail(String service, int lines) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst().map(s -> s.tail(lines)).orElse("");
    }

    /** Stops the services, then the database and the broker (idempotent). */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        if (database != null) {
            database.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
