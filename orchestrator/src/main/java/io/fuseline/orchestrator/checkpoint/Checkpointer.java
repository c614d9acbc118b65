package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.audit.CheckpointSigner;
import io.fuseline.orchestrator.audit.StoredCheckpoint;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Signs the audit chain's head every {@code every-records} records or {@code every-duration}, off the event path:
 * a scheduled look at the committed head, a signature, an insert (a no-op if another instance signed it first).
 * A failed signature is logged and retried at the next look (the next checkpoint covers everything before it).
 */
@ApplicationScoped
public class Checkpointer {
    private static final Logger LOG = Logger.getLogger(Checkpointer.class);

    private final CheckpointStore store;
    private final CheckpointSigner signer;
    private final CheckpointConfig config;
    private final Clock clock;

    Checkpointer(CheckpointStore store, CheckpointSigner signer, CheckpointConfig config, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.config = config;
        this.clock = clock;
    }

    /** The interim local-key signer (see {@link LocalKeyCheckpointSigner}), created at first use. */
    static class SignerProducer {
        @Produces
        @ApplicationScoped
        LocalKeyCheckpointSigner signer(CheckpointConfig config) {
            return LocalKeyCheckpointSigner.open(Path.of(config.keyFile()), config.generateKeyIfMissing());
        }
    }

    @Scheduled(every = "${fuseline.audit.checkpoint.check-interval:5s}", concurrentExecution =
            Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            checkpointIfDue(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("audit checkpoint: %s; retrying at the next look", e.getMessage());
        }
    }

    /** Signs the head if it is due at {@code now}; returns the new checkpoint, if one was made. */
    public Optional<StoredCheckpoint> checkpointIfDue(Instant now) {
        CheckpointStore.Head head = QuarkusTransaction.requiringNew().call(store::head);
        Optional<StoredCheckpoint> last = QuarkusTransaction.requiringNew().call(store::last);
        long since = head.sequence() - last.map(StoredCheckpoint::sequence).orElse(-1L);
        boolean old = last.map(c -> Duration.between(c.signedAt(), now).compareTo(config.everyDuration()) >= 0)
                .orElse(true);
        if (since <= 0 || (since < config.everyRecords() && !old)) {
            return Optional.empty();
        }
        return checkpoint(head, now);
    }

    /** Signs the current head now, whatever the schedule says (if it moved since the last checkpoint). */
    public Optional<StoredCheckpoint> checkpointNow() {
        CheckpointStore.Head head = QuarkusTransaction.requiringNew().call(store::head);
        return head.sequence() < 0 ? Optional.empty() : checkpoint(head, clock.instant());
    }

    private Optional<StoredCheckpoint> checkpoint(CheckpointStore.Head head, Instant now) {
        CheckpointSigner.Checkpoint c = signer.sign(head.sequence(), head.recordHash());
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        boolean stored = QuarkusTransaction.requiringNew().call(() -> store.insert(c, at));
        LOG.debugf("audit checkpoint at record %d (%s)", head.sequence(), stored ? "signed" : "already signed");
        return stored ? Optional.of(new StoredCheckpoint(c.sequence(), c.recordHash(), c.keyId(),
                io.fuseline.orchestrator.audit.CheckpointStatement.ALGORITHM, c.signature(), at)) : Optional.empty();
    }
}
