package io.fuseline.orchestrator.outbox;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.audit.AuditHash;
import io.fuseline.orchestrator.messaging.MessagingConfig;
import io.fuseline.orchestrator.store.AuditLogStore;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.message.AuditRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka and marks them published, in one transaction per batch that holds the
 * rows with {@code FOR UPDATE SKIP LOCKED}: any number of instances relay side by side. A crash between the broker's
 * acknowledgement and the commit sends a batch again; consumers deduplicate by CloudEvent id (at least once).
 * Audit records are published to {@code fuseline.audit} the same way, read from the audit log past a cursor
 * ({@link AuditPublication}) rather than copied into the outbox; their CloudEvent id is the record's hash, so a
 * record sent twice is recognisably the same.
 *
 * <p>A plain {@link KafkaProducer} rather than SmallRye emitters: the relay must wait for the broker's
 * acknowledgement of every record <em>inside</em> the database transaction that marks it published, for records of
 * several topics at once (jobs, vault requests, audit), with headers and keys already encoded. An emitter is bound
 * to one channel and acknowledges on another thread, which would split that transaction. Idempotent producer,
 * {@code acks=all}, and one batch in flight keep each key's records in order.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final MessageType AUDIT_RECORD = MessageType.of(AuditRecord.class);

    private final OutboxStore store;
    private final AuditPublication audit;
    private final CloudEventCodec codec;
    private final MessagingConfig messaging;
    private final OutboxConfig config;
    private final String bootstrap;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelay(OutboxStore store, AuditPublication audit, CloudEventCodec codec, MessagingConfig messaging,
                OutboxConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.store = store;
        this.audit = audit;
        this.codec = codec;
        this.messaging = messaging;
        this.config = config;
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relayEnabled()) {
            return;
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2, ProducerConfig.CLIENT_ID_CONFIG, "fuseline-outbox-relay"),
                new StringSerializer(), new ByteArraySerializer());
        running = true;
        worker = new Thread(this::loop, "fuseline-outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close();
        }
    }

    /** Asks the relay to look at the outbox now (called after a commit that queued rows). Never blocks. */
    public void wake() {
        wakeups.release();
    }

    private void loop() {
        while (running) {
            try {
                int sent = relayOnce();
                int records = config.publishAudit() ? publishAuditOnce() : 0;
                if (sent < config.batchSize() && records < config.batchSize()) {
                    wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The broker or the database is unavailable: the rows stay pending and are retried after a pause.
                LOG.warnf("outbox relay: %s; retrying in %s", e.getMessage(), config.pollInterval());
                sleepQuietly();
            }
        }
    }

    /** One batch: lock, send, await acknowledgements, mark published, commit. Returns how many rows it sent. */
    int relayOnce() {
        return QuarkusTransaction.requiringNew().timeout((int) config.sendTimeout().toSeconds() + 30).call(() -> {
            List<OutboxStore.Pending> rows = store.lockPending(config.batchSize());
            sendAndAwait(rows.stream().map(row -> record(row.topic(), row.key(), row.headers(), row.payload()))
                    .toList());
            if (!rows.isEmpty()) {
                store.markPublished(rows.stream().map(OutboxStore.Pending::id).toList());
            }
            return rows.size();
        });
    }

    /**
     * One batch of audit records: lock the cursor (or leave it to the relay that holds it), send the records after
     * it, await acknowledgements, move it, commit. Returns how many records it sent.
     */
    int publishAuditOnce() {
        return QuarkusTransaction.requiringNew().timeout((int) config.sendTimeout().toSeconds() + 30).call(() -> {
            OptionalLong cursor = audit.lock();
            if (cursor.isEmpty()) {
                return 0;
            }
            List<AuditLogStore.Publishable> records = audit.after(cursor.getAsLong(), config.batchSize());
            List<ProducerRecord<String, byte[]>> sends = new ArrayList<>(records.size());
            for (AuditLogStore.Publishable r : records) {
                // The stored canonical text is the record but for its hash: sent as it is, not parsed and re-written
                // (AuditRecordJsonTest proves it decodes to the record itself).
                byte[] data = recordJson(r).getBytes(StandardCharsets.UTF_8);
                String subject = MacAddress.isCanonical(r.subject()) ? r.subject() : null;
                EncodedEvent encoded = codec.encodeSerialized(r.recordHash(), messaging.source(), r.time(), subject,
                        AUDIT_RECORD, data);
                sends.add(record(Topics.AUDIT, r.subject(), encoded.headers(), encoded.data()));
            }
            sendAndAwait(sends);
            if (!records.isEmpty()) {
                audit.published(records.get(records.size() - 1).sequence());
            }
            return records.size();
        });
    }

    private static String recordJson(AuditLogStore.Publishable r) {
        try {
            return AuditHash.recordJson(r.canonicalJson(), r.recordHash());
        } catch (IllegalArgumentException e) {
            // A row altered in the database: publication stops here (retried) until the chain is repaired.
            throw new IllegalStateException("audit record " + r.sequence() + " (subject " + r.subject()
                    + ") cannot be published: " + e.getMessage() + "; verifying the chain (console, Audit page) names "
                    + "the record that was changed", e);
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Map<String, byte[]> headers,
                                                         byte[] value) {
        RecordHeaders h = new RecordHeaders();
        headers.forEach(h::add);
        return new ProducerRecord<>(topic, null, key, value, h);
    }

    /**
     * Sends the records in order and waits for the broker to acknowledge every one (inside the caller's transaction,
     * which then marks them published); throws if one is not acknowledged within the send timeout.
     */
    private void sendAndAwait(List<ProducerRecord<String, byte[]>> records) throws Exception {
        if (records.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> r : records) {
            acks.add(producer.send(r));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
