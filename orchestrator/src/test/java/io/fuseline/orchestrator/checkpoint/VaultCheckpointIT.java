package io.fuseline.orchestrator.checkpoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.orchestrator.audit.StoredCheckpoint;
import io.fuseline.orchestrator.audit.export.AuditExporter;
import io.fuseline.orchestrator.audit.export.ExportReport;
import io.fuseline.orchestrator.audit.export.ExportVerifier;
import io.fuseline.orchestrator.messaging.RecordingChannels;
import io.fuseline.orchestrator.support.LineDriver;
import io.fuseline.orchestrator.unit.WorkOrderDesk;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import io.fuseline.schemas.message.FuselineMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code signer=vault} against the embedded broker and a real PostgreSQL: a due checkpoint leaves as a
 * CheckpointRequested through the outbox, a vault double answers on {@code fuseline.hsm.results}, and the answer is
 * stored and verifies offline with the vault's public key; answers not signed by that key, tampered, or answering
 * nothing this line asked are refused, dead-lettered with the reason, and never stored.
 */
@QuarkusTest
@TestProfile(VaultCheckpointProfile.class)
class VaultCheckpointIT {
    private static final AtomicInteger WORK_ORDERS = new AtomicInteger();

    @Inject
    RecordingChannels.HsmRequestReader hsmRequests;
    @Inject
    WorkOrderDesk desk;
    @Inject
    Checkpointer checkpointer;
    @Inject
    CheckpointStore store;
    @Inject
    VaultCheckpoints vaultCheckpoints;
    @Inject
    CheckpointConfig config;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final VaultDouble vault = new VaultDouble();

    @Test
    void aDueCheckpointIsAskedOfTheVaultAndItsAnswerIsStoredAndVerifiesOfflineWithTheVaultKey() throws Exception {
        CheckpointStore.Head head = appendRecords();

        // Due by time whatever the other tests signed: the last checkpoint is at least every-duration old by then.
        Instant due = Instant.now().plus(config.everyDuration());
        assertThat(checkpointer.checkpointIfDue(due)).as("stored when the vault answers, not now").isEmpty();
        CheckpointRequested request = awaitRequest(head);
        assertThat(request.recordHash()).isEqualTo(head.recordHash());
        try (LineDriver line = new LineDriver(bootstrap)) {
            line.send(vault.answer(request));
        }
        StoredCheckpoint stored = awaitCheckpoint(head.sequence());

        assertThat(stored.keyId()).isEqualTo(Pem.keyId(vault.publicKey()));
        assertThat(requestAnswered(request.requestId())).isTrue();
        String served = given().auth().preemptive().basic("security", "security-local")
                .get("/api/audit/checkpoints/public-key").then().statusCode(200).extract().asString();
        assertThat(Pem.readPublicKey(served)).isEqualTo(vault.publicKey());
        assertThat(Pem.readPublicKey(Files.readString(VaultCheckpointProfile.publicKeyFile()))).isEqualTo(
                vault.publicKey());

        List<String> export = export();
        ExportReport report = new ExportVerifier().verify(export, vault.publicKey());
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.checkpoints()).isPositive();
        assertThat(new ExportVerifier().verify(export, P256.generate().getPublic()).ok())
                .as("the same export against another key").isFalse();
    }

    @Test
    void answersNotSignedByTheVaultKeyOrNotAskedForAreRefusedWithTheReasonAndNeverStored() throws Exception {
        CheckpointStore.Head head = appendRecords();
        checkpointer.checkpointNow();
        CheckpointRequested request = awaitRequest(head);
        String previousHash = recordHash(head.sequence() - 1);
        KeyPair intruder = P256.generate();
        CheckpointSigned good = vault.answer(request);

        try (LineDriver line = new LineDriver(bootstrap)) {
            // All on key "line", so in this order on one partition: the refusals are decided before the good answer.
            line.send(vault.tampered(request, "0".repeat(64)));
            line.send(VaultDouble.signedWith(intruder, intruder.getPublic(), request));
            line.send(VaultDouble.signedWith(intruder, vault.publicKey(), request));
            line.send(vault.answer("ckpt-nobody-asked", head.sequence(), head.recordHash()));
            line.send(vault.answer(request.requestId(), head.sequence() - 1, previousHash));
            line.send(good);
        }
        StoredCheckpoint stored = awaitCheckpoint(head.sequence());

        assertThat(stored.signature()).isEqualTo(java.util.Base64.getDecoder().decode(good.signature()));
        assertThat(checkpointAt(head.sequence() - 1)).as("a genuine signature of a record nobody asked for")
                .isEmpty();
        List<String> reasons = deadLetteredReasons(5);
        assertThat(reasons).hasSize(5);
        assertThat(reasons).filteredOn(r -> r.contains("does not verify with the configured audit key")).hasSize(2);
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("not the configured audit key",
                P256.fingerprintHex(intruder.getPublic())));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("never asked"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("asked for record " + head.sequence()));
    }

    @Test
    void anOpenRequestIsNotRepeatedUntilItTimesOutAndIsAbandoned() {
        CheckpointStore.Head head = appendRecords();
        Instant t0 = Instant.now().plus(Duration.ofDays(1)); // later than any open request of the other tests

        Optional<CheckpointRequested> first = vaultCheckpoints.request(head, t0, true);
        assertThat(first).isPresent();
        assertThat(vaultCheckpoints.request(head, t0.plusSeconds(1), false)).as("open for this head").isEmpty();
        assertThat(vaultCheckpoints.request(head, t0.plusSeconds(1), true)).as("open at all").isEmpty();
        Optional<CheckpointRequested> again = vaultCheckpoints.request(head,
                t0.plus(config.requestTimeout()).plusSeconds(1), true);

        assertThat(again).isPresent();
        assertThat(again.get().requestId()).isNotEqualTo(first.get().requestId());
        assertThat(requestAbandoned(first.get().requestId())).isTrue();
        assertThat(requestAbandoned(again.get().requestId())).isFalse();
        // Leave nothing open for the other tests: the late answer to the abandoned request is still accepted.
        try (LineDriver line = new LineDriver(bootstrap)) {
            line.send(vault.answer(first.get()));
            line.send(vault.answer(again.get()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> requestAnswered(again.get().requestId())
                && requestAnswered(first.get().requestId()));
        assertThat(awaitCheckpoint(head.sequence()).recordHash()).isEqualTo(head.recordHash());
    }

    /** Creates and reassigns a work order (two audit records at least: the head moves) and returns the new head. */
    private CheckpointStore.Head appendRecords() {
        String id = "wo-ckpt-" + WORK_ORDERS.incrementAndGet();
        desk.create(id, "sensor-s3-v2", "lot-ckpt", 3, 0, List.of("st-ckpt"), "it");
        desk.assign(id, "st-ckpt-2", "it");
        CheckpointStore.Head head = QuarkusTransaction.requiringNew().call(store::head);
        assertThat(head.sequence()).isPositive();
        return head;
    }

    private CheckpointRequested awaitRequest(CheckpointStore.Head head) {
        await().atMost(Duration.ofSeconds(60)).until(() -> request(head).isPresent());
        CloudEvent<FuselineMessage> event = request(head).orElseThrow();
        assertThat(event.subject()).isNull();
        int i = hsmRequests.received().indexOf(event);
        assertThat(hsmRequests.keys().get(i)).isEqualTo("line");
        return (CheckpointRequested) event.data();
    }

    private Optional<CloudEvent<FuselineMessage>> request(CheckpointStore.Head head) {
        return hsmRequests.received().stream().filter(e -> e.data() instanceof CheckpointRequested r
                && r.sequence() == head.sequence()).findFirst();
    }

    private StoredCheckpoint awaitCheckpoint(long sequence) {
        await().atMost(Duration.ofSeconds(60)).until(() -> checkpointAt(sequence).isPresent());
        return checkpointAt(sequence).orElseThrow();
    }

    private Optional<StoredCheckpoint> checkpointAt(long sequence) {
        return QuarkusTransaction.requiringNew().call(() -> store.latest(1000)).stream()
                .filter(c -> c.sequence() == sequence).findFirst();
    }

    private String recordHash(long sequence) throws Exception {
        return query("SELECT record_hash FROM audit_log WHERE sequence = ?", sequence);
    }

    private boolean requestAnswered(String requestId) throws Exception {
        return "t".equals(query("SELECT (answered_at IS NOT NULL)::text FROM audit_checkpoint_requests "
                + "WHERE request_id = ?", requestId).substring(0, 1));
    }

    private boolean requestAbandoned(String requestId) {
        try {
            return "t".equals(query("SELECT (abandoned_at IS NOT NULL)::text FROM audit_checkpoint_requests "
                    + "WHERE request_id = ?", requestId).substring(0, 1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String query(String sql, Object param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql + " " + param).isTrue();
                return rs.getString(1);
            }
        }
    }

    private List<String> export() throws Exception {
        StringWriter out = new StringWriter();
        try (Connection c = dataSource.getConnection()) {
            new AuditExporter(Clock.systemUTC()).export(c, null, null, out);
        }
        return out.toString().lines().toList();
    }

    /** The reasons of the checkpoint answers dead-lettered from {@code fuseline.hsm.results}. */
    private List<String> deadLetteredReasons(int expected) {
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.DLQ));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (Topics.HSM_RESULTS.equals(header(r, Topics.DLQ_TOPIC_HEADER))
                            && "line".equals(r.key())) {
                        reasons.add(header(r, Topics.DLQ_REASON_HEADER));
                    }
                }
                return reasons.size() >= expected;
            });
        }
        return reasons;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
