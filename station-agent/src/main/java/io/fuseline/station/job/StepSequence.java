package io.fuseline.station.job;

import io.fuseline.esp.efuse.EfuseBurnRefusedException;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepStarted;
import io.fuseline.station.ops.LoaderException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the steps of one prepared job in order, emitting StepStarted / StepCompleted / StepFailed around each and
 * stopping at the first failure. Confined to the jig's worker thread.
 */
final class StepSequence {

    private static final Logger LOG = Logger.getLogger(StepSequence.class);

    private final JobRun run;
    private final EventSink sink;
    private final StepObserver observer;
    private final FuseSteps fuses;
    private boolean irreversibleRan;

    StepSequence(JobRun run, EventSink sink, StepObserver observer, FuseSteps fuses) {
        this.run = run;
        this.sink = sink;
        this.observer = observer;
        this.fuses = fuses;
    }

    JobResult run() {
        ProvisionJob job = run.job();
        for (JobStep step : job.steps()) {
            sink.emit(new StepStarted(job.jobId(), job.mac(), job.stationId(), job.attempt(), step.number(),
                    step.kind()));
            long t0 = System.nanoTime();
            irreversibleRan |= step.kind().irreversible();
            try {
                Map<String, String> evidence = execute(step);
                long nanos = System.nanoTime() - t0;
                observer.stepEnded(step.kind(), nanos, true);
                LOG.infof("step %d %s verified %s", step.number(), step.kind(), evidence);
                sink.emit(new StepCompleted(job.jobId(), job.mac(), job.stationId(), job.attempt(), step.number(),
                        step.kind(), TimeUnit.NANOSECONDS.toMillis(nanos), evidence));
            } catch (StepFailure f) {
                observer.stepEnded(step.kind(), System.nanoTime() - t0, false);
                return fail(step, f);
            }
        }
        return new JobResult.Completed(job.jobId(), job.steps().size());
    }

    private Map<String, String> execute(JobStep step) throws StepFailure {
        try {
            return switch (step.kind()) {
                case WRITE_FLASH -> FlashSteps.write(run, step.params());
                case VERIFY_FLASH -> FlashSteps.verify(run, step.params());
                case BURN_KEY, BURN_SECURE_BOOT_DIGEST, BURN_EFUSE, READ_PROTECT, WRITE_PROTECT ->
                        fuses.burn(run, step);
            };
        } catch (LoaderException e) {
            throw FailureMapping.of(step.kind(), e);
        } catch (EfuseBurnRefusedException e) {
            throw FailureMapping.of(e);
        } catch (RuntimeException e) {
            throw StepFailure.of(FailureReason.INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private JobResult fail(JobStep step, StepFailure f) {
        ProvisionJob job = run.job();
        LOG.errorf("step %d %s failed: %s%s", step.number(), step.kind(), f.describe(),
                irreversibleRan ? "; eFuses were burned: quarantine" : "");
        sink.emit(StepFailed.of(job.jobId(), job.mac(), job.stationId(), job.attempt(), step.number(), step.kind(),
                f.reason(), f.expected(), f.actual(), f.getMessage()));
        return new JobResult.Failed(job.jobId(), step.number(), step.kind(), f.reason(), irreversibleRan);
    }
}
