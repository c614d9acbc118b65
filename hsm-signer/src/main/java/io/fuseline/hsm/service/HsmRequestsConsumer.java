package io.fuseline.hsm.service;

import io.fuseline.hsm.custody.CustodyEvent;
import io.fuseline.hsm.custody.CustodyLedger;
import io.fuseline.hsm.material.MaterialIssuer;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.Topic;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReleased;
import io.fuseline.schemas.message.WrappedKey;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Reads {@code fuseline.hsm.requests}. Each record is decoded by the one CloudEvents codec; a record that breaks its
 * contract, or that the vault refuses for good (ALREADY_ISSUED, STATION_NOT_ENROLLED, ...), is nacked and the
 * channel's dead-letter-queue strategy copies it to {@code fuseline.dlq} with the reason. A retriable failure (the
 * vault is down) is tried again by the {@link Retrier} until the vault is back: never dead-lettered, never skipped.
 * A KeyMaterialIssued is acked only after the broker acknowledged the answer on {@code fuseline.hsm.results}; its
 * keys are then recorded as delivered. A CheckpointRequested is answered the same way with a CheckpointSigned (the
 * audit key signs the checkpoint statement the vault builds from the request's record and hash); a vault without an
 * audit key refuses it for good (dead-lettered, HSM-101, with what to do).
 *
 * <p>Blocking and ordered: one record at a time per channel, so a unit's requests are handled in partition order.
 * Idempotent: the issuer answers a repeated request id with the same keys; dispositions record nothing twice; a
 * repeated checkpoint request gets the same signed answer.
 */
@ApplicationScoped
public class HsmRequestsConsumer {
    private static final Logger LOG = Logger.getLogger(HsmRequestsConsumer.class);
    private final CloudEventCodec codec;
    private final VaultService vault;
    private final CustodyLedger ledger;
    private final Emitter<byte[]> results;
    private final HsmConfig config;
    private final MeterRegistry meters;
    private final Retrier retrier;

    HsmRequestsConsumer(CloudEventCodec codec, VaultService vault, CustodyLedger ledger,
                        @Channel("hsm-results") Emitter<byte[]> results, HsmConfig config, MeterRegistry meters) {
        this.codec = codec;
        this.vault = vault;
        this.ledger = ledger;
        this.results = results;
        this.config = config;
        this.meters = meters;
        this.retrier = new Retrier(config.retryInitialBackoff(), config.retryMaxBackoff(),
                d -> Thread.sleep(d.toMillis()));
    }

    @Incoming("hsm-requests")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        CloudEvent<FuselineMessage> event;
        try {
            event = codec.decode(headers(meta), message.getPayload());
            if (!Topics.typesOn(Topic.HSM_REQUESTS).contains(event.messageType())) {
                throw new ContractViolation(ContractViolation.Kind.UNEXPECTED_TYPE, event.type(), "ce_type",
                        "does not belong on " + meta.getTopic());
            }
        } catch (ContractViolation violation) {
            LOG.warnf("dead-lettering %s-%d@%d key=%s: [%s] %s", meta.getTopic(), meta.getPartition(), meta.getOffset(),
                    meta.getKey(), violation.kind().code(), violation.getMessage());
            return message.nack(violation);
        }
        MDC.put("mac", String.valueOf(meta.getKey()));
        try {
            handle(event.data());
            return message.ack();
        } catch (VaultException | ContractViolation e) {
            LOG.errorf("dead-lettering %s id=%s: %s", event.type(), event.id(), e.getMessage());
            return message.nack(e);
        } finally {
            MDC.remove("mac");
        }
    }

    private void handle(FuselineMessage m) {
        String op = m instanceof KeyMaterialRequested ? "issue" : m instanceof DeviceProvisioned ? "provisioned"
                : m instanceof QuarantineOrdered ? "quarantined" : m instanceof CheckpointRequested ? "checkpoint"
                : "released";
        String about = m instanceof CheckpointRequested c ? "audit record " + c.sequence()
                : String.valueOf(m.subjectMac().orElseThrow());
        Timer.Sample sample = Timer.start(meters);
        String outcome = "ok";
        try {
            retrier.run(op + " for " + about, () -> {
                try {
                    run(m);
                    return null;
                } catch (VaultException e) {
                    vault.failed(e);
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            outcome = "refused";
            throw e;
        } finally {
            sample.stop(meters.timer("fuseline.hsm.operation", "operation", op, "outcome", outcome));
        }
    }

    private void run(FuselineMessage m) {
        VaultService.Ready ready = vault.ready();
        if (m instanceof KeyMaterialRequested r) {
            deliver(ready.issuer().issue(r));
        } else if (m instanceof DeviceProvisioned d) {
            ready.disposition().provisioned(d);
        } else if (m instanceof QuarantineOrdered q) {
            ready.disposition().quarantined(q);
        } else if (m instanceof QuarantineReleased r) {
            ready.disposition().released(r);
        } else if (m instanceof CheckpointRequested c) {
            CheckpointSigned signed = ready.checkpoints().sign(c);
            send(signed, c.requestId());
            LOG.infof("signed audit checkpoint at record %d with %s (request %s)", c.sequence(),
                    ready.checkpoints().key(), c.requestId());
        } else {
            throw new IllegalStateException("not an hsm request: " + m.getClass().getSimpleName());
        }
    }

    private void deliver(KeyMaterialIssued issued) {
        send(issued, issued.requestId());
        for (WrappedKey k : issued.wrappedKeys()) {
            ledger.record(new CustodyEvent.Delivered(MaterialIssuer.labelOf(k), k.kcv(), issued.stationId(),
                    issued.requestId(), Topics.HSM_RESULTS));
        }
    }

    /** Sends an answer on {@code fuseline.hsm.results} and waits for the broker's acknowledgement (retriable). */
    private void send(FuselineMessage answer, String requestId) {
        try {
            KafkaOut.send(codec, results, config.source(), answer).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the answer to " + requestId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new Retrier.RetriableException("the answer to " + requestId
                    + " was not acknowledged by the broker: " + e.getClass().getSimpleName());
        }
    }

    private static Map<String, byte[]> headers(IncomingKafkaRecordMetadata<?, ?> meta) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (Header h : meta.getHeaders()) {
            map.put(h.key(), h.value());
        }
        return map;
    }
}
