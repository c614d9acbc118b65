package io.fuseline.station.service;

import io.fuseline.schemas.message.JigStatus;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.station.jig.PortAddress;
import io.fuseline.station.job.EventSink;
import io.fuseline.station.job.JobExecutor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts one {@link JigWorker} thread per configured jig at start-up and stops them at shutdown; routes each job
 * to the jig holding the job's unit (by MAC, else by the job's jig id). Thread-safe.
 */
@ApplicationScoped
public class JigManager {

    private static final Logger LOG = Logger.getLogger(JigManager.class);

    private final StationConfig config;
    private final EventSink sink;
    private final JobExecutor executor;
    private final List<JigWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    JigManager(StationConfig config, EventSink sink, JobExecutor executor) {
        this.config = config;
        this.sink = sink;
        this.executor = executor;
    }

    synchronized void start(@Observes StartupEvent ignored) {
        requirePositive(config.pollInterval(), "fuseline.station.poll-interval");
        requirePositive(config.heartbeatInterval(), "fuseline.station.heartbeat-interval");
        requirePositive(config.connectTimeout(), "fuseline.station.connect-timeout");
        if (!java.nio.file.Files.isDirectory(config.artifactsDir())) {
            LOG.warnf("fuseline.station.artifacts-dir %s is not a directory: every job will fail its image check",
                    config.artifactsDir());
        }
        List<String> jigs = config.jigs().stream().filter(s -> !s.isBlank()).toList();
        for (int i = 0; i < jigs.size(); i++) {
            PortAddress address;
            try {
                address = PortAddress.parse(jigs.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("fuseline.station.jigs[" + i + "]: " + e.getMessage(), e);
            }
            JigWorker w = new JigWorker("jig-" + (i + 1), address, config, sink, executor);
            workers.add(w);
            Thread t = new Thread(w, "jig-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        LOG.infof("station %s: %d jig(s) %s", config.id(), workers.size(), jigs);
    }

    private static void requirePositive(java.time.Duration d, String key) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalStateException(key + " must be positive, was " + d);
        }
    }

    synchronized void stop(@Observes ShutdownEvent ignored) {
        workers.forEach(JigWorker::stop);
        threads.forEach(Thread::interrupt);
    }

    /**
     * Hands {@code job} to the jig that holds its unit now; false when none does. A job for a unit that is not on a
     * jig (it left, or is back but not identified yet) is dropped: the orchestrator sends the unit's job again when
     * the unit is identified, and a stale queued job would run on a unit whose state it no longer knows.
     */
    public synchronized boolean submit(ProvisionJob job) {
        Optional<JigWorker> target = workers.stream().filter(w -> job.mac().equals(w.mac())).findFirst();
        if (target.isEmpty()) {
            LOG.warnf("job %s (attempt %d) for unit %s: the unit is on none of this station's jigs now; dropped "
                    + "(it gets its job again when it is identified)", job.jobId(), job.attempt(), job.mac());
            return false;
        }
        target.get().submit(job);
        return true;
    }

    public synchronized List<JigStatus> statuses() {
        return workers.stream().map(JigWorker::status).toList();
    }
}
