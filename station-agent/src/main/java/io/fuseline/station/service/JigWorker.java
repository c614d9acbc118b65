package io.fuseline.station.service;

import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.message.DeviceAttached;
import io.fuseline.schemas.message.DeviceDetached;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.JigState;
import io.fuseline.schemas.message.JigStatus;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.station.jig.PortAddress;
import io.fuseline.station.jig.PortDiscovery;
import io.fuseline.station.job.EventSink;
import io.fuseline.station.job.JobExecutor;
import io.fuseline.station.job.JobResult;
import io.fuseline.station.ops.LoaderException;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.unit.UnitIdentifier;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One jig, one unit at a time, driven by its own thread ({@link #run}): while the jig is empty it tries to open the
 * port and sync every poll interval; a sync that succeeds is a unit arriving (DeviceAttached, then DeviceIdentified);
 * while a unit is attached it runs the jobs {@link #submit}ted for it, one after the other, and otherwise checks
 * every poll interval that the unit still answers; a unit that stops answering has left (DeviceDetached). A failure
 * on one jig never reaches another jig's thread. {@link #submit} and {@link #status} are thread-safe.
 */
final class JigWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(JigWorker.class);

    /** Failures after which the unit may have left the jig: check at once, and report it as left during the job. */
    private static final java.util.Set<io.fuseline.schemas.message.FailureReason> LINE_FAILURES = java.util.EnumSet.of(
            io.fuseline.schemas.message.FailureReason.DEVICE_DISCONNECTED,
            io.fuseline.schemas.message.FailureReason.SERIAL_TIMEOUT,
            io.fuseline.schemas.message.FailureReason.SYNC_FAILED);

    private final String jigId;
    private final PortAddress address;
    private final StationConfig config;
    private final EventSink sink;
    private final JobExecutor executor;
    private final BlockingQueue<ProvisionJob> jobs = new LinkedBlockingQueue<>();
    /** Job ids received lately (bounded: a re-send comes within seconds, not hundreds of jobs later). */
    private final java.util.Map<String, Boolean> received = new java.util.LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
            return size() > 256;
        }
    };
    private volatile JigState state = JigState.EMPTY;
    private volatile MacAddress mac;
    private volatile String jobId;
    private volatile boolean stopped;
    private RomLoader loader;

    JigWorker(String jigId, PortAddress address, StationConfig config, EventSink sink, JobExecutor executor) {
        this.jigId = jigId;
        this.address = address;
        this.config = config;
        this.sink = sink;
        this.executor = executor;
    }

    String jigId() { return jigId; }

    /** The unit on this jig, or null. */
    MacAddress mac() { return mac; }

    JigStatus status() {
        return new JigStatus(jigId, address.toString(), state, mac, jobId);
    }

    /**
     * Queues a job for the unit on this jig; the worker thread runs it. A job id seen before is a re-send (the
     * orchestrator repeats a job when a unit is identified again before its job started) and is not queued twice.
     */
    void submit(ProvisionJob job) {
        synchronized (received) {
            if (received.put(job.jobId(), Boolean.TRUE) != null) {
                LOG.infof("jig %s: job %s for unit %s received again: already queued or run, ignored", jigId,
                        job.jobId(), job.mac());
                return;
            }
        }
        jobs.add(job);
    }

    /** A queued job the orchestrator has replaced by a later attempt for the same unit must not run. */
    private boolean superseded(ProvisionJob job) {
        for (ProvisionJob other : jobs) {
            if (other.mac().equals(job.mac()) && other.attempt() > job.attempt()) {
                LOG.infof("jig %s: job %s (attempt %d) for unit %s superseded by job %s (attempt %d): skipped", jigId,
                        job.jobId(), job.attempt(), job.mac(), other.jobId(), other.attempt());
                return true;
            }
        }
        return false;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        MDC.put("station", config.id());
        MDC.put("jig", jigId);
        long pollMillis = config.pollInterval().toMillis();
        while (!stopped) {
            try {
                if (loader == null) {
                    if (!tryAttach()) {
                        TimeUnit.MILLISECONDS.sleep(pollMillis);
                    }
                } else {
                    ProvisionJob job = jobs.poll(pollMillis, TimeUnit.MILLISECONDS);
                    if (job != null) {
                        if (!superseded(job)) {
                            runJob(job);
                        }
                    } else {
                        checkPresence();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.errorf(e, "jig %s: unexpected failure, dropping the unit", jigId);
                state = JigState.FAULT;
                detach(false);
                try {
                    TimeUnit.MILLISECONDS.sleep(pollMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closeLoader();
    }

    private boolean tryAttach() throws InterruptedException {
        RomLoader candidate;
        try {
            candidate = new RomLoader(new PortDiscovery().open(address, config.baud(), config.connectTimeout()),
                    LoaderSettings.defaults());
        } catch (IOException e) {
            state = JigState.FAULT;
            LOG.debugf("jig %s: port %s cannot be opened: %s", jigId, address, e.getMessage());
            return false;
        }
        try {
            candidate.connect();
        } catch (LoaderException e) {
            state = JigState.EMPTY;
            close(candidate);
            return false;
        }
        loader = candidate;
        state = JigState.ATTACHED;
        sink.emit(new DeviceAttached(config.id(), jigId, address.toString(), 0, 0));
        try {
            DeviceIdentified id = UnitIdentifier.identify(loader, config.id(), jigId);
            mac = id.mac();
            MDC.put("mac", mac.toString());
            LOG.infof("jig %s: unit %s identified (%s %s, flash %d bytes)", jigId, mac, id.chip(),
                    id.chipRevision(), id.flashSizeBytes());
            sink.emit(id);
        } catch (LoaderException e) {
            LOG.warnf("jig %s: unit answered SYNC but could not be identified: %s", jigId, e.getMessage());
            detach(false);
        }
        return true;
    }

    private void runJob(ProvisionJob job) {
        state = JigState.BUSY;
        jobId = job.jobId();
        try {
            JobResult result = executor.execute(job, loader);
            OperatorConsole.tell(jigId, job, result);
            if (result instanceof JobResult.Failed f && LINE_FAILURES.contains(f.reason())) {
                try {
                    loader.readMac();
                } catch (LoaderException gone) {
                    LOG.warnf("jig %s: unit %s left during job %s", jigId, mac, job.jobId());
                    detach(true);
                }
            }
        } finally {
            jobId = null;
            state = loader == null ? JigState.EMPTY : JigState.ATTACHED;
        }
    }

    private void checkPresence() {
        try {
            loader.readMac();
        } catch (LoaderException e) {
            LOG.infof("jig %s: unit %s no longer answers (%s): detached", jigId, mac, e.getMessage());
            detach(false);
        }
    }

    private void detach(boolean duringJob) {
        if (mac != null || loader != null) {
            sink.emit(new DeviceDetached(config.id(), jigId, address.toString(), mac, duringJob));
        }
        List<ProvisionJob> stale = new java.util.ArrayList<>();
        jobs.drainTo(stale);
        for (ProvisionJob j : stale) {
            synchronized (received) {
                received.remove(j.jobId()); // never ran: a re-send of it must be accepted
            }
            LOG.infof("jig %s: job %s for unit %s dropped: the unit left the jig", jigId, j.jobId(), j.mac());
        }
        closeLoader();
        mac = null;
        MDC.remove("mac");
        if (state != JigState.FAULT) {
            state = JigState.EMPTY;
        }
    }

    private void closeLoader() {
        if (loader != null) {
            close(loader);
            loader = null;
        }
    }

    private static void close(RomLoader l) {
        try {
            l.close();
        } catch (IOException e) {
            LOG.debugf("closing the port failed: %s", e.getMessage());
        }
    }
}
