package io.fuseline.hsm.service;

import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Sends custody records to {@code fuseline.audit}, keyed by subject. The ledger file is the record of truth; a send
 * that fails is logged with the record's sequence (the file keeps it). Thread-safe.
 */
@ApplicationScoped
public class AuditPublisher {
    private static final Logger LOG = Logger.getLogger(AuditPublisher.class);
    private final CloudEventCodec codec;
    private final Emitter<byte[]> audit;
    private final HsmConfig config;

    AuditPublisher(CloudEventCodec codec, @Channel("audit") Emitter<byte[]> audit, HsmConfig config) {
        this.codec = codec;
        this.audit = audit;
        this.config = config;
    }

    void publish(AuditRecord record) {
        KafkaOut.send(codec, audit, config.source(), record).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.errorf("custody record %d (%s %s) not sent to the audit topic: %s; it stays in the ledger file",
                        record.sequence(), record.action(), record.subject(), failure.getClass().getSimpleName());
            }
        });
    }
}
