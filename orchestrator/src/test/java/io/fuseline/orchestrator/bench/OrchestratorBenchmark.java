package io.fuseline.orchestrator.bench;

import io.fuseline.embedded.kafka.EmbeddedKafkaBroker;
import io.fuseline.embedded.LocalResources;
import io.fuseline.embedded.postgres.EmbeddedPostgresDatabase;
import io.fuseline.embedded.postgres.PostgresOptions;
import io.fuseline.schemas.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The orchestrator throughput benchmark (docs/benchmarks.md). Not a test: a main class on the test classpath.
 * Starts an embedded Kafka broker and an embedded PostgreSQL, runs the packaged orchestrator
 * ({@code target/quarkus-app/quarkus-run.jar}) as a separate process against them, and feeds synthetic station and
 * vault events for {@code --units} units (default 10000) through the broker. Prints units per second (first
 * identification to last verdict) and p50/p99 event-to-command latency.
 *
 * <p>Options: {@code --units N}, {@code --partitions P} (partitions of the consumed topics, and consumers the
 * orchestrator runs for them: keyed by MAC, so each unit's events stay in order), {@code --window W} (units in
 * flight, default 100), {@code --stations S} (default 20), {@code --warmup N} (units run first and not measured,
 * default 10000: the three JVMs' just-in-time compilers are still busy after a few thousand units, and the figures
 * are meant to be a running line's; the output says how much CPU the compilers took while measuring; 0 measures a
 * cold start), {@code --db line|throwaway}
 * (default line: PostgreSQL in a data directory, durable as a line's registry; throwaway: the test suite's server
 * without fsync), {@code --broker
 * process|in-jvm} (default process: the broker's CPU is then measured apart from the simulated line's); {@code -Dbench.app.KEY=VALUE} on the harness's JVM sets
 * {@code KEY} in the orchestrator's; {@code -Dbench.jvm="OPTIONS"} adds JVM options (space-separated) to its command
 * line, e.g. {@code -XX:StartFlightRecording=filename=target/bench.jfr,settings=profile}.
 */
public final class OrchestratorBenchmark {
    private static final boolean PG_STATS = Boolean.getBoolean("bench.pg-stats");

    private OrchestratorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Unconfigured, the log manager on this class path leaves every level on: the broker and the clients would
        // then format trace messages (whole records) that nobody reads, on the harness's share of the CPU.
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.WARNING);
        Map<String, String> opts = options(args);
        int units = Integer.parseInt(opts.getOrDefault("units", "10000"));
        int partitions = Integer.parseInt(opts.getOrDefault("partitions", "1"));
        int window = Integer.parseInt(opts.getOrDefault("window", "100"));
        int stations = Integer.parseInt(opts.getOrDefault("stations", "20"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10000"));
        Path jar = Path.of(opts.getOrDefault("app", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -o -pl orchestrator package -DskipTests");
        }
        boolean ownProcess = !"in-jvm".equals(opts.getOrDefault("broker", "process"));
        // As a line runs it (a data directory: every commit flushed to disk), unless --db throwaway asks for the test
        // suite's server (zonky's settings: no fsync, asynchronous commit).
        String dbKind = opts.getOrDefault("db", "line");
        if (!dbKind.equals("line") && !dbKind.equals("throwaway")) {
            throw new IllegalArgumentException("--db is line or throwaway, not " + dbKind);
        }
        Path pgDir = dbKind.equals("line") ? Files.createTempDirectory("fuseline-bench-pg") : null;
        PostgresOptions pg = pgDir == null ? PostgresOptions.defaults()
                : PostgresOptions.defaults().withDataDir(pgDir.resolve("data"));
        if (PG_STATS) {
            pg = pg.withServerConfig(Map.of("shared_preload_libraries", "pg_stat_statements",
                    "pg_stat_statements.track", "all"));
        }
        System.out.printf("database: %s%n", pgDir == null ? "throw-away (no fsync, asynchronous commit)"
                : "as a line's registry (fsync, synchronous commit)");
        try (Broker broker = ownProcess ? Broker.inProcess() : Broker.inThisJvm();
             EmbeddedPostgresDatabase db = EmbeddedPostgresDatabase.start(pg)) {
            topics(broker.bootstrap(), partitions);
            int port = freePort();
            Process app = launch(jar, broker.bootstrap(), db, port, partitions);
            try {
                awaitReady(port, app);
                workOrder(db, warmup + units, stations);
                CpuMeter cpu = new CpuMeter(broker.pid(), app.pid(), db.dataDir());
                try (LineSimulator line = new LineSimulator(broker.bootstrap(), stations, window)) {
                    if (warmup > 0) {
                        // Not measured: the JIT compiles the hot paths of all three processes meanwhile.
                        long w = System.nanoTime();
                        line.run(0, warmup, Duration.ofMinutes(30));
                        System.out.printf("warm-up: %d units in %.1f s (not counted)%n", warmup,
                                (System.nanoTime() - w) / 1e9);
                        line.reset();
                    }
                    long[] walStart = wal(db);
                    CpuMeter.Sample cpuStart = cpu.sample();
                    double loadStart = load();
                    long start = System.nanoTime();
                    line.run(warmup, units, Duration.ofMinutes(30));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    report(units, partitions, window, seconds, line);
                    cpuReport(units, seconds, cpu.sample().minus(cpuStart), loadStart, load());
                    long[] walEnd = wal(db);
                    System.out.printf("write-ahead log per unit: %.1f KiB, %.1f full-page images%n",
                            (walEnd[0] - walStart[0]) / 1024.0 / units, (double) (walEnd[1] - walStart[1]) / units);
                    if (PG_STATS) {
                        statementStats(db, warmup + units);
                    }
                }
            } finally {
                app.destroy();
                app.waitFor();
            }
        } finally {
            if (pgDir != null) {
                LocalResources.deleteRecursively(pgDir);
            }
        }
    }

    private static void report(int units, int partitions, int window, double seconds, LineSimulator line) {
        List<Long> lat = new ArrayList<>(line.latenciesNanos);
        Collections.sort(lat);
        System.out.printf("units=%d partitions=%d window=%d provisioned=%d quarantined=%d%n", units, partitions,
                window, line.provisioned.get(), line.quarantined.get());
        System.out.printf("elapsed=%.1f s  throughput=%.1f units/s%n", seconds, units / seconds);
        System.out.printf("event-to-command latency over %d commands: p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                lat.size(), pct(lat, 0.50), pct(lat, 0.99), lat.isEmpty() ? 0.0 : lat.get(lat.size() - 1) / 1e6);
    }

    /**
     * CPU per unit of each party, and what the machine's cores would allow if only the benchmark ran on them: the
     * figure to compare across runs when other work shares the machine.
     */
    private static void cpuReport(int units, double seconds, CpuMeter.Sample used, double loadStart, double loadEnd) {
        int cores = Runtime.getRuntime().availableProcessors();
        double perUnit = used.total() / units;
        System.out.printf("cpu per unit: simulated line %.2f ms | broker %.2f ms, orchestrator %.2f ms, PostgreSQL "
                        + "%.2f ms = the line %.2f ms%s%n", used.harness() * 1e3 / units, used.broker() * 1e3 / units,
                used.orchestrator() * 1e3 / units, used.postgres() * 1e3 / units, used.line() * 1e3 / units,
                used.broker() == 0 ? " (broker counted with the simulated line: --broker in-jvm)" : "");
        System.out.printf("of which the three JVMs' just-in-time compilers: %.2f ms per unit%s%n",
                used.jit() * 1e3 / units,
                used.jit() / units > 0.05e-3 ? " (still compiling: a longer --warmup measures the steady state)" : "");
        System.out.printf("the benchmark's processes used %.0f %% of %d cores (load average %.1f -> %.1f); with the %d"
                + " cores to themselves: %.0f units/s with the simulated line on them too, %.0f units/s for the line "
                + "alone%n", used.total() / seconds / cores * 100, cores, loadStart, loadEnd, cores, cores / perUnit,
                cores / (used.line() / units));
    }

    /** The broker: in a process of its own (its CPU measured apart) or in this JVM. */
    private record Broker(String bootstrap, long pid, AutoCloseable stop) implements AutoCloseable {
        static Broker inThisJvm() {
            EmbeddedKafkaBroker b = EmbeddedKafkaBroker.start();
            return new Broker(b.bootstrapServers(), 0, b);
        }

        static Broker inProcess() throws IOException, InterruptedException {
            // The collector ./fuseline gives the JVM that hosts a line's broker.
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseParallelGC", "-cp",
                    System.getProperty("java.class.path"), BrokerProcess.class.getName())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("bootstrap=")) {
                    Thread drain = new Thread(() -> out.lines().forEach(System.out::println), "bench-broker-out");
                    drain.setDaemon(true);
                    drain.start();
                    return new Broker(line.substring("bootstrap=".length()), p.pid(), () -> {
                        p.getOutputStream().close();
                        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                            p.destroy();
                        }
                    });
                }
            }
            throw new IllegalStateException("the broker process exited with " + p.waitFor() + " before it was ready");
        }

        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Bytes of write-ahead log written so far, and full-page images among them (pg_stat_wal). */
    private static long[] wal(EmbeddedPostgresDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn, wal_fpi "
                     + "FROM pg_stat_wal")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** The statements that took the server's time, over {@code units} (warm-up included; {@code -Dbench.pg-stats}). */
    private static void statementStats(EmbeddedPostgresDatabase db, int units) throws Exception {
        String url = db.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement s = c.createStatement()) {
            // Each statement the application sends is a round trip and a start-up of the executor whatever it does,
            // so how many it takes per unit matters beside their time (nested ones are the foreign-key checks).
            try (java.sql.ResultSet rs = s.executeQuery("SELECT toplevel, sum(calls), round(sum(total_exec_time)) "
                    + "FROM pg_stat_statements GROUP BY toplevel ORDER BY toplevel DESC")) {
                while (rs.next()) {
                    System.out.printf("%s statements: %.1f per unit, server time %.2f ms per unit%n",
                            rs.getBoolean(1) ? "sent" : "nested", rs.getLong(2) / (double) units,
                            rs.getLong(3) / (double) units);
                }
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT calls, round(total_exec_time) AS ms, rows, "
                    + "left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS q FROM pg_stat_statements "
                    + "ORDER BY total_exec_time DESC LIMIT 30")) {
                System.out.println("server time per statement (pg_stat_statements):");
                while (rs.next()) {
                    System.out.printf("%9d calls %8d ms %9d rows  %s%n", rs.getLong(1), rs.getLong(2),
                            rs.getLong(3), rs.getString(4));
                }
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT relname, n_live_tup, n_tup_upd, n_tup_hot_upd, "
                    + "pg_relation_size(relid), pg_total_relation_size(relid) FROM pg_stat_user_tables "
                    + "ORDER BY pg_total_relation_size(relid) DESC LIMIT 12")) {
                System.out.println("tables (all units, warm-up included): rows, updates (HOT), heap / with indexes "
                        + "and TOAST");
                while (rs.next()) {
                    System.out.printf("%-28s %9d rows %9d upd (%d HOT) %8d KiB / %8d KiB%n", rs.getString(1),
                            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) / 1024,
                            rs.getLong(6) / 1024);
                }
            }
        }
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0.0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())))
                / 1e6;
    }

    private static Process launch(Path jar, String bootstrap, EmbeddedPostgresDatabase db, int port, int partitions)
            throws IOException {
        // The JVM options a line starts its services with (deploy's ServiceSpec.quarkus).
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseParallelGC", "-Dkafka.bootstrap.servers=" + bootstrap, "-Dquarkus.datasource.jdbc.url=" + db.jdbcUrl(),
                "-Dquarkus.datasource.username=" + db.user(), "-Dquarkus.datasource.password=" + db.password(),
                "-Dquarkus.http.port=" + port, "-Dfuseline.lifecycle.recipes-dir=src/test/resources/recipes",
                "-Dfuseline.audit.checkpoint.signer=local",
                "-Dfuseline.audit.checkpoint.key-file=target/bench-audit-checkpoint-key.pem",
                "-Dquarkus.log.level=WARN",
                "-Dmp.messaging.incoming.station-events.partitions=" + partitions,
                "-Dmp.messaging.incoming.hsm-results.partitions=" + partitions,
                "-jar", jar.toString()));
        // -Dbench.app.<key>=<value> on the harness sets <key> in the orchestrator, e.g. -Dbench.app.fuseline.outbox.publish-audit=false
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.app.")).sorted()
                .forEach(k -> cmd.add(cmd.size() - 2, "-D" + k.substring("bench.app.".length()) + "="
                        + System.getProperty(k)));
        // -Dbench.jvm="<options>" adds JVM options to the orchestrator's, e.g. a JFR recording (space-separated)
        String jvm = System.getProperty("bench.jvm", "").trim();
        if (!jvm.isEmpty()) {
            cmd.addAll(1, List.of(jvm.split("\\s+")));
        }
        return new ProcessBuilder(cmd).inheritIO().start();
    }

    private static void awaitReady(int port, Process app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the orchestrator exited with " + app.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            app.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS); // wakes early if the app dies
        }
        throw new IllegalStateException("the orchestrator was not ready within 2 minutes");
    }

    private static void topics(String bootstrap, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : List.of(Topics.STATION_EVENTS, Topics.HSM_RESULTS, Topics.HSM_REQUESTS,
                    Topics.STATION_JOBS, Topics.AUDIT, Topics.DLQ)) {
                topics.add(new NewTopic(t, partitions, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    private static void workOrder(EmbeddedPostgresDatabase db, int units, int stations) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO work_orders (id, recipe_id, lot, quantity, overbuild_quota) VALUES ('wo-bench', "
                    + "'sensor-s3-v2', 'lot-bench', " + units + ", 0)");
            for (int i = 0; i < stations; i++) {
                s.execute("INSERT INTO station_assignments (station_id, work_order_id) VALUES ('bench-st-" + i
                        + "', 'wo-bench')");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }
}
