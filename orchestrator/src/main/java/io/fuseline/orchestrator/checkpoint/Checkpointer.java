package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.audit.CheckpointSigner;
import io.fuseline.orchestrator.audit.StoredCheckpoint;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Signs the audit chain's head every {@code every-records} records or {@code every-duration}, off the event path: a
 * scheduled look at the committed head and the last stored checkpoint, then, when one is due, either a request to the
 * vault ({@code signer=vault}: {@link VaultCheckpoints}; the checkpoint is stored when the answer arrives) or a
 * signature with the local key and an insert ({@code signer=local}; a no-op if another instance signed it first).
 * A failure is logged and retried at the next look (the next checkpoint covers everything before it).
 */
@ApplicationScoped
public class Checkpointer {
    private static final Logger LOG = Logger.getLogger(Checkpointer.class);

    private final CheckpointStore store;
    private final CheckpointConfig config;
    private final Clock clock;
    private final Instance<LocalKeyCheckpointSigner> localSigner;
    private final VaultCheckpoints vault;

    Checkpointer(CheckpointStore store, CheckpointConfig config, Clock clock,
                 Instance<LocalKeyCheckpointSigner> localSigner, VaultCheckpoints vault) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.localSigner = localSigner;
        this.vault = vault;
    }

    /** The local-key signer and the key that verifies checkpoints, per {@code fuseline.audit.checkpoint.signer}. */
    static class KeyProducer {
        /** The local key ({@code signer=local} only), created at first use. */
        @Produces
        @ApplicationScoped
        LocalKeyCheckpointSigner signer(CheckpointConfig config) {
            if (config.signer() != CheckpointConfig.Signer.LOCAL) {
                throw new IllegalStateException("fuseline.audit.checkpoint.signer is " + config.signer()
                        + ": the local checkpoint key is not used");
            }
            return LocalKeyCheckpointSigner.open(Path.of(config.keyFile()), config.generateKeyIfMissing());
        }

        @Produces
        @Singleton
        CheckpointKey key(CheckpointConfig config, Instance<LocalKeyCheckpointSigner> local) {
            return switch (config.signer()) {
                case LOCAL -> CheckpointKey.of(local.get().publicKey());
                case VAULT -> CheckpointKey.fromPemFile("fuseline.audit.checkpoint.vault-public-key-file", Path.of(
                        config.vaultPublicKeyFile().orElseThrow(() -> new IllegalStateException(
                                "fuseline.audit.checkpoint.signer=vault needs fuseline.audit.checkpoint."
                                        + "vault-public-key-file (the vault AUDIT_CHECKPOINT key's public PEM, from the "
                                        + "key ceremony); set it, or set signer=local for an orchestrator without "
                                        + "a vault"))));
            };
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

    /**
     * Checkpoints the head if one is due at {@code now}: returns the new checkpoint with {@code signer=local}; with
     * {@code signer=vault} asks the vault (unless a request is still open) and returns empty.
     */
    public Optional<StoredCheckpoint> checkpointIfDue(Instant now) {
        CheckpointStore.Head head = QuarkusTransaction.requiringNew().call(store::head);
        Optional<StoredCheckpoint> last = QuarkusTransaction.requiringNew().call(store::last);
        long since = head.sequence() - last.map(StoredCheckpoint::sequence).orElse(-1L);
        boolean old = last.map(c -> Duration.between(c.signedAt(), now).compareTo(config.everyDuration()) >= 0)
                .orElse(true);
        if (since <= 0 || (since < config.everyRecords() && !old)) {
            return Optional.empty();
        }
        return checkpoint(head, now, true);
    }

    /**
     * Checkpoints the current head now, whatever the schedule says (if the chain is not empty): returns the new
     * checkpoint with {@code signer=local}; with {@code signer=vault} asks the vault (unless a request for this head
     * or a later one is open) and returns empty, and the checkpoint is stored when the answer arrives.
     */
    public Optional<StoredCheckpoint> checkpointNow() {
        CheckpointStore.Head head = QuarkusTransaction.requiringNew().call(store::head);
        return head.sequence() < 0 ? Optional.empty() : checkpoint(head, clock.instant(), false);
    }

    private Optional<StoredCheckpoint> checkpoint(CheckpointStore.Head head, Instant now, boolean scheduled) {
        if (config.signer() == CheckpointConfig.Signer.VAULT) {
            vault.request(head, now, scheduled);
            return Optional.empty();
        }
        CheckpointSigner.Checkpoint c = localSigner.get().sign(head.sequence(), head.recordHash());
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        boolean stored = QuarkusTransaction.requiringNew().call(() -> store.insert(c, at));
        LOG.debugf("audit checkpoint at record %d (%s)", head.sequence(), stored ? "signed" : "already signed");
        return stored ? Optional.of(new StoredCheckpoint(c.sequence(), c.recordHash(), c.keyId(),
                CheckpointStatement.ALGORITHM, c.signature(), at)) : Optional.empty();
    }
}
