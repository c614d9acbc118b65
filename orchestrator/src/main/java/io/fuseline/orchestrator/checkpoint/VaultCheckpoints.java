package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.messaging.MessagingConfig;
import io.fuseline.orchestrator.outbox.OutboxRelay;
import io.fuseline.orchestrator.outbox.OutboxStore;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.message.CheckpointRequested;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Asks hsm-signer to sign the chain's head with the vault's audit key ({@code signer=vault}): one transaction writes
 * the request row and the outbox row that carries the {@link CheckpointRequested} (keyed {@code line}), as every
 * command leaves; the relay publishes it after commit. The answer is stored by {@link CheckpointAnswers}. No audit
 * record is appended for a request: it would move the head it asks to sign. Thread-safe.
 */
@ApplicationScoped
public class VaultCheckpoints {
    private static final Logger LOG = Logger.getLogger(VaultCheckpoints.class);

    private final CheckpointRequestStore requests;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final CloudEventCodec codec;
    private final MessagingConfig messaging;
    private final CheckpointConfig config;

    VaultCheckpoints(CheckpointRequestStore requests, OutboxStore outbox, OutboxRelay relay, CloudEventCodec codec,
                     MessagingConfig messaging, CheckpointConfig config) {
        this.requests = requests;
        this.outbox = outbox;
        this.relay = relay;
        this.codec = codec;
        this.messaging = messaging;
        this.config = config;
    }

    /**
     * Queues a request for {@code head} at {@code now}, unless an open request (neither answered nor older than
     * {@code request-timeout}) makes it unnecessary: any open request when {@code whenNoneOpen} (the schedule: the
     * answer comes first, then the next due head), else one for this head or a later one. Open requests past the
     * timeout are marked abandoned and logged first. Returns the request queued, if any.
     */
    public Optional<CheckpointRequested> request(CheckpointStore.Head head, Instant now, boolean whenNoneOpen) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Optional<CheckpointRequested> queued = QuarkusTransaction.requiringNew().call(() -> {
            for (CheckpointRequestStore.Request stale : requests.abandonOpenBefore(at.minus(config.requestTimeout()),
                    at)) {
                LOG.warnf("audit checkpoint: request %s for record %d (asked %s) has had no answer from the vault for "
                        + "more than %s; asking again when the next checkpoint is due (hsm-signer's log and %s say "
                        + "why)", stale.requestId(), stale.sequence(), stale.requestedAt(), config.requestTimeout(),
                        Topics.DLQ);
            }
            Optional<CheckpointRequestStore.Request> open = requests.newestOpen();
            if (open.isPresent() && (whenNoneOpen || open.get().sequence() >= head.sequence())) {
                LOG.debugf("audit checkpoint: request %s for record %d is still open", open.get().requestId(),
                        open.get().sequence());
                return Optional.<CheckpointRequested>empty();
            }
            CheckpointRequested r = new CheckpointRequested("ckpt-" + UUID.randomUUID(), head.sequence(),
                    head.recordHash(), at);
            requests.insert(new CheckpointRequestStore.Request(r.requestId(), r.sequence(), r.recordHash(), at,
                    false));
            // A typed record built here: encoded without the JSON Schema check, as the orchestrator's other commands.
            EncodedEvent encoded = codec.encodeBuilt(CloudEvent.of(messaging.source(), r));
            outbox.add(Topics.topicOf(r).topicName(), Topics.keyFor(r), encoded.headers(), encoded.data());
            return Optional.of(r);
        });
        queued.ifPresent(r -> {
            relay.wake();
            LOG.debugf("audit checkpoint: asked the vault to sign record %d (request %s)", r.sequence(), r.requestId());
        });
        return queued;
    }
}
