package io.fuseline.station.job;

import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.envelope.StationUnwrapper;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.UnitNvs;
import io.fuseline.station.ops.LoaderException;
import io.fuseline.station.ops.RomLoader;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Executes a {@link ProvisionJob} on the unit behind a connected {@link RomLoader}. Before touching the unit it
 * unwraps the job's keys with the station key, fetches every image and checks its SHA-256 and, when the job burns a
 * Secure Boot digest, its signature, builds the unit's own NVS partitions when the job has them (identity key and
 * certificate included, see {@link UnitPartitions}), and checks the unit's MAC; then it runs the steps in the job's
 * order (every reversible step first, as the contract guarantees), each verified by read-back, and stops at the
 * first failure.
 *
 * <p>Irreversible: a job with BURN_* or *_PROTECT steps burns eFuses; once the first of them ran, a failure leaves
 * the unit for quarantine ({@link JobResult.Failed#quarantine()}).
 *
 * <p>Events go to the {@link EventSink} in order: per step {@code StepStarted}, then {@code FuseBurned} for every
 * field a burn changed, then {@code StepCompleted} or {@code StepFailed}. A failure found before the unit was touched
 * is a lone {@code StepFailed} on the first step that needed the missing key or bad image. Secrets are zeroized when
 * the job ends, however it ends. Thread-safe: one executor serves every jig; each call is confined to its caller.
 */
public final class JobExecutor {

    private static final Logger LOG = Logger.getLogger(JobExecutor.class);

    private final StationUnwrapper unwrapper;
    private final JobPreflight preflight;
    private final EventSink sink;
    private final StepObserver observer;
    private final JobSettings settings;

    public JobExecutor(StationUnwrapper unwrapper, ImageStore images, EventSink sink, StepObserver observer,
                       JobSettings settings) {
        this.unwrapper = unwrapper;
        this.preflight = new JobPreflight(images, settings.signedImages());
        this.sink = sink;
        this.observer = observer;
        this.settings = settings;
    }

    /** Irreversible: runs {@code job} on the unit behind {@code loader} (connected), burning eFuses as it says. */
    public JobResult execute(ProvisionJob job, RomLoader loader) {
        Map<String, Object> previous = new java.util.HashMap<>(MDC.getMap());
        MDC.put("mac", job.mac().toString());
        MDC.put("job", job.jobId());
        MDC.put("station", job.stationId());
        MDC.put("attempt", Integer.toString(job.attempt()));
        try {
            return run(job, loader);
        } finally {
            for (String k : java.util.List.of("mac", "job", "station", "attempt")) {
                if (previous.containsKey(k)) {
                    MDC.put(k, previous.get(k));
                } else {
                    MDC.remove(k);
                }
            }
        }
    }

    private JobResult run(ProvisionJob job, RomLoader loader) {
        JobStep first = job.steps().get(0);
        UnwrappedKeys keys;
        try {
            keys = UnwrappedKeys.open(job.wrappedKeys(), unwrapper);
        } catch (StepFailure f) {
            return failed(job, firstUsingKey(job), f, false);
        }
        try (keys) {
            Map<String, byte[]> images;
            try {
                images = preflight.images(job);
            } catch (JobPreflight.NumberedFailure f) {
                return failed(job, job.steps().get(f.step() - 1), f.failure(), false);
            }
            UnitPartitions partitions;
            try {
                partitions = job.nvs() == null ? null : UnitPartitions.build(job, keys);
            } catch (StepFailure f) {
                return failed(job, firstWriting(job, UnitNvs.PARTITION_IMAGE), f, false);
            }
            try (partitions) {
                try {
                    checkUnit(job, loader);
                } catch (StepFailure f) {
                    return failed(job, first, f, false);
                }
                LOG.infof("job %s: keys unwrapped %s, %d image(s) verified%s; starting %d steps", job.jobId(), keys,
                        images.size(), partitions == null ? "" : ", " + partitions + " built", job.steps().size());
                return new StepSequence(new JobRun(job, loader, keys, images, partitions), sink, observer,
                        new FuseSteps(settings.burn(), new FuseEvents(sink))).run();
            }
        }
    }

    private static JobStep firstWriting(ProvisionJob job, String image) {
        return job.steps().stream().filter(s -> image.equals(s.params().image())).findFirst()
                .orElse(job.steps().get(0));
    }

    private static void checkUnit(ProvisionJob job, RomLoader loader) throws StepFailure {
        MacAddress mac;
        try {
            mac = loader.readMac();
        } catch (LoaderException e) {
            throw FailureMapping.of(job.steps().get(0).kind(), e);
        }
        if (!mac.equals(job.mac())) {
            throw new StepFailure(FailureReason.CHIP_UNEXPECTED_STATE, job.mac().toString(), mac.toString(),
                    "the unit on the jig is not the job's unit");
        }
    }

    private JobResult failed(ProvisionJob job, JobStep step, StepFailure f, boolean irreversibleRan) {
        LOG.errorf("job %s step %d %s failed before the unit was touched: %s", job.jobId(), step.number(), step.kind(),
                f.describe());
        sink.emit(StepFailed.of(job.jobId(), job.mac(), job.stationId(), job.attempt(), step.number(), step.kind(),
                f.reason(), f.expected(), f.actual(), f.getMessage()));
        return new JobResult.Failed(job.jobId(), step.number(), step.kind(), f.reason(), irreversibleRan);
    }

    private static JobStep firstUsingKey(ProvisionJob job) {
        return job.steps().stream().filter(s -> s.params().keyId() != null).findFirst().orElse(job.steps().get(0));
    }
}
