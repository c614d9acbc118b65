package io.fuseline.deploy.line;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running child JVM of the local line. {@link #start} returns once the service is ready, or fails with the end of
 * its log; {@link #close} asks it to stop (SIGTERM, so Quarkus shuts down cleanly) and kills it after a grace period.
 * A JVM shutdown hook stops it too, so Ctrl-C on the demo leaves no orphan behind.
 */
public final class ServiceProcess implements AutoCloseable {
    /** How long a service gets to stop on SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ServiceSpec spec;
    private final Process process;
    private final Thread shutdownHook;

    private ServiceProcess(ServiceSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
        this.shutdownHook = new Thread(this::stop, "stop-" + spec.name());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the child and waits for its readiness URL to answer 200. */
    public static ServiceProcess start(ServiceSpec spec) {
        ServiceProcess service = launch(spec);
        try {
            service.awaitReady();
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /**
     * Starts the child without waiting for it, so several services warm up side by side; call {@link #awaitReady()}
     * (and {@link #close()} when that fails).
     */
    public static ServiceProcess launch(ServiceSpec spec) {
        List<String> command = new ArrayList<>();
        command.addAll(javaLauncher());
        command.addAll(spec.jvmArgs());
        spec.properties().forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(spec.main());
        Process process;
        try {
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            process = new ProcessBuilder(command).directory(spec.workDir().toFile()).redirectErrorStream(true)
                    .redirectOutput(spec.logFile().toFile()).start();
        } catch (IOException e) {
            throw new ServiceStartException("cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
        return new ServiceProcess(spec, process);
    }

    /**
     * How to start another JVM like this one: this JVM's own {@code java}, and on JDK 21+ the native-access flag
     * the PKCS#11 wrapper and the embedded PostgreSQL need.
     */
    public static List<String> javaLauncher() {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 21) {
            java.add("--enable-native-access=ALL-UNNAMED");
        }
        return java;
    }

    public String name() {
        return spec.name();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return spec.logFile();
    }

    /** Waits until the readiness URL answers 200; throws with the log's tail when the child dies or is late. */
    public void awaitReady() {
        long deadline = System.nanoTime() + spec.readyTimeout().toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceStartException(spec.name() + " exited with code " + process.exitValue()
                        + " while starting; last lines of " + spec.logFile() + ":\n" + tail(20));
            }
            if (spec.readiness() == null || answers200(http)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceStartException(spec.name() + " was not ready within "
                        + spec.readyTimeout().toSeconds() + " s (" + spec.readiness() + "); last lines of "
                        + spec.logFile() + ":\n" + tail(20));
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException("interrupted while waiting for " + spec.name());
            }
        }
    }

    private boolean answers200(HttpClient http) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(spec.readiness()).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last {@code lines} lines of the service's log, for an operator reading why it failed. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(spec.logFile());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the service (idempotent). */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down and runs the hook itself
        }
    }
}
