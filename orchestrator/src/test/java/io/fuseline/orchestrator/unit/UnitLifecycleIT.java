package io.fuseline.orchestrator.unit;

import static io.fuseline.orchestrator.support.Events.firstIrreversible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.audit.AuditHash;
import io.fuseline.orchestrator.audit.CanonicalJson;
import io.fuseline.orchestrator.messaging.MessagingTestProfile;
import io.fuseline.orchestrator.messaging.RecordingChannels;
import io.fuseline.orchestrator.store.AuditLogStore;
import io.fuseline.orchestrator.store.WorkOrderStore;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.orchestrator.support.LineDriver;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.AuditRecord;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReason;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Units driven through the lifecycle on a real broker and a real PostgreSQL, with the events a station and the vault
 * send. Each test uses its own station and MACs; the audit chain (shared by all) is verified, then tampered with,
 * last.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger UNITS = new AtomicInteger(0x100);
    private static LineDriver line;

    @Inject
    RecordingChannels.HsmRequestReader vault;
    @Inject
    RecordingChannels.StationJobReader stationJobs;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    AuditLogStore auditLog;
    @Inject
    StationWatch watch;
    @Inject
    Registry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private String station;
    private MacAddress mac;

    @BeforeEach
    void newStationWithAWorkOrder() {
        if (line == null) {
            line = new LineDriver(bootstrap);
        }
        int n = UNITS.incrementAndGet();
        station = "st-" + n;
        mac = Events.mac(n);
        QuarkusTransaction.requiringNew().run(() -> {
            workOrders.create("wo-" + n, "sensor-s3-v2", "lot-" + n, 5, 1);
            workOrders.assign(station, "wo-" + n);
        });
    }

    @AfterAll
    static void closeLine() {
        if (line != null) {
            line.close();
        }
    }

    @Test
    @Order(1)
    void aBlankUnitIsProvisionedAndTheRegistryHoldsItsJobFusesAndKeys() {
        ProvisionJob job = identifyAndKey(mac);
        line.sendAll(Events.run(job, 1, job.steps().size()));

        DeviceProvisioned done = awaitVault(DeviceProvisioned.class);
        assertThat(done.jobId()).isEqualTo(job.jobId());
        assertThat(done.burnedKeyIds()).containsExactly(Events.keyId(mac, "fe"));
        assertThat(registry.state(mac)).isEqualTo("PROVISIONED");
        assertThat(registry.auditHashOfTransition(mac, "PROVISIONED")).isEqualTo(done.auditHead());
        assertThat(registry.count("fuse_burns", mac)).isEqualTo(4);
        assertThat(registry.jobStatus(job.jobId())).isEqualTo("COMPLETED");
        assertThat(registry.custody(mac)).containsExactlyInAnyOrder(Events.keyId(mac, "fe") + " BLOCK_KEY0 DESTROY",
                Events.keyId(mac, "nvs") + " - DESTROY", Events.keyId(mac, "id") + " - DESTROY");
        assertThat(registry.workOrderCounters("wo-" + station.substring(3))).isEqualTo("1/1/0");
    }

    @Test
    @Order(2)
    void aDuplicateEventHasNoSecondEffect() {
        ProvisionJob job = identifyAndKey(mac);
        line.sendAll(Events.run(job, 1, 1));
        CloudEvent<FuselineMessage> completed = line.send(Events.completed(job, 2));
        line.resend(completed);
        line.resend(completed);
        CloudEvent<FuselineMessage> marker = line.send(Events.started(job, 3));
        awaitHandled(marker);

        assertThat(registry.auditActions(mac)).filteredOn("step.completed"::equals).hasSize(2);
        assertThat(registry.inbox(completed.id())).isEqualTo(1);
        assertThat(stationJobs.received()).filteredOn(e -> e.subject().equals(mac.toString())).hasSize(1);
    }

    @Test
    @Order(3)
    void anEventForAnUnknownUnitIsAuditedAndChangesNothing() {
        ProvisionJob elsewhere = identifyAndKey(mac);
        MacAddress stranger = Events.mac(UNITS.incrementAndGet());
        ProvisionJob forged = new ProvisionJob(elsewhere.jobId(), stranger, elsewhere.chip(), station, "jig-3",
                elsewhere.workOrderId(), elsewhere.recipeId(), 1, elsewhere.keyMaterialRequestId(), elsewhere.images(),
                elsewhere.wrappedKeys(), elsewhere.steps());
        CloudEvent<FuselineMessage> sent = line.send(Events.completed(forged, 1));
        awaitHandled(sent);

        assertThat(registry.state(stranger)).isNull();
        assertThat(registry.auditActions(stranger)).containsExactly("event.unknown_unit");
        assertThat(vault.received()).noneMatch(e -> stranger.toString().equals(e.subject()));
    }

    @Test
    @Order(4)
    void aReenteredMacIsQuarantinedAsADuplicate() {
        ProvisionJob job = identifyAndKey(mac);
        line.sendAll(Events.run(job, 1, job.steps().size()));
        awaitVault(DeviceProvisioned.class);

        line.send(Events.identified(mac, station, "jig-9"));
        QuarantineOrdered q = awaitVault(QuarantineOrdered.class);
        assertThat(q.reason()).isEqualTo(QuarantineReason.DUPLICATE_MAC);
        assertThat(q.evidence()).containsEntry("registeredJob", job.jobId());
        assertThat(registry.state(mac)).isEqualTo("QUARANTINED");
        assertThat(registry.count("quarantine_cases", mac)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aFailureBeforeTheFirstIrreversibleStepIsRetriedAndTheRetryCompletes() {
        ProvisionJob first = identifyAndKey(mac);
        line.sendAll(Events.run(first, 1, 2));
        line.send(Events.failed(first, 3, FailureReason.SERIAL_TIMEOUT));

        ProvisionJob second = awaitJob(2);
        assertThat(second.jobId()).isNotEqualTo(first.jobId());
        line.sendAll(Events.run(second, 1, second.steps().size()));

        assertThat(awaitVault(DeviceProvisioned.class).attempt()).isEqualTo(2);
        assertThat(registry.jobStatus(first.jobId())).isEqualTo("FAILED");
        assertThat(registry.jobStatus(second.jobId())).isEqualTo("COMPLETED");
    }

    @Test
    @Order(6)
    void aFailureAfterTheFirstIrreversibleStepQuarantinesAndEscrowsTheKeys() {
        ProvisionJob job = identifyAndKey(mac);
        int burn = firstIrreversible(job);
        line.sendAll(Events.run(job, 1, burn));
        line.send(Events.failed(job, burn + 1, FailureReason.SERIAL_TIMEOUT));

        QuarantineOrdered q = awaitVault(QuarantineOrdered.class);
        assertThat(q.reason()).isEqualTo(QuarantineReason.FAILED_AFTER_IRREVERSIBLE_STEP);
        assertThat(q.irreversibleStepsDone()).isTrue();
        assertThat(q.failedStep()).isEqualTo(burn + 1);
        assertThat(registry.custody(mac)).contains(Events.keyId(mac, "fe") + " BLOCK_KEY0 ESCROW");
        assertThat(stationJobs.received()).filteredOn(e -> e.subject().equals(mac.toString())).hasSize(1);
    }

    @Test
    @Order(7)
    void aUnitWhoseStationFallsSilentDuringAJobIsQuarantined() {
        identifyAndKey(mac);
        assertThat(watch.checkAt(Instant.now().plus(Duration.ofHours(2)))).isPositive();

        QuarantineOrdered q = awaitVault(QuarantineOrdered.class);
        assertThat(q.reason()).isEqualTo(QuarantineReason.STATION_SILENT);
        assertThat(q.evidence()).containsKey("lastSeen");
    }

    @Test
    @Order(99)
    void everyAuditRecordIsPublishedToTheAuditTopicOnceInChainOrder() {
        List<String> stored = registry.auditHashes();
        assertThat(stored).hasSizeGreaterThan(50);
        await().atMost(WAIT).until(() -> registry.publishedAuditSequence() >= stored.size() - 1);

        List<AuditRecord> published = new ArrayList<>();
        CloudEventCodec codec = new CloudEventCodec();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "audit-archive-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.AUDIT));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (published.size() < stored.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, byte[]> headers = new HashMap<>();
                    r.headers().forEach(h -> headers.put(h.key(), h.value()));
                    CloudEvent<AuditRecord> event = codec.decode(headers, r.value(), AuditRecord.class);
                    // The id is the record's hash: an archive recognises a record the relay sent twice.
                    assertThat(event.id()).isEqualTo(event.data().recordHash());
                    assertThat(r.key()).isEqualTo(event.data().subject());
                    published.add(event.data());
                }
            }
        }
        // One partition: the topic holds the chain in order, each record once, exactly as stored.
        assertThat(published.stream().map(AuditRecord::sequence).toList())
                .isEqualTo(java.util.stream.LongStream.range(0, stored.size()).boxed().toList());
        assertThat(published.stream().map(AuditRecord::recordHash).toList()).isEqualTo(stored);
        for (int i = 1; i < published.size(); i++) {
            assertThat(published.get(i).previousHash()).isEqualTo(published.get(i - 1).recordHash());
        }
        // Every member as stored: the hash recomputed from what the topic carries is the record's own.
        for (AuditRecord r : published) {
            assertThat(AuditHash.sha256(CanonicalJson.of(AuditHash.body(r.sequence(), r.previousHash(), r.actor(),
                    r.action(), r.subject(), r.payload(), r.time())))).as("record %d", r.sequence())
                    .isEqualTo(r.recordHash());
        }
    }

    @Test
    @Order(100)
    void theAuditChainVerifiesAfterAllOfItAndATamperedRowIsReportedAtThatRecord() {
        assertThat(auditLog.verify().ok()).as(auditLog.verify().toString()).isTrue();
        long target = registry.someMiddleRecord();

        String original = registry.tamper(target, "UPDATE audit_log SET canonical_json = replace(canonical_json, "
                + "'\"orchestrator\"', '\"intruder\"') WHERE sequence = ?");
        try {
            assertThat(auditLog.verify().brokenAt()).hasValue(target);
        } finally {
            registry.restore(target, original);
        }
        registry.tamper(target, "UPDATE audit_log SET payload = payload || '{\"forged\": true}' WHERE sequence = ?");
        assertThat(auditLog.verify().brokenAt()).hasValue(target);
        assertThat(auditLog.verify().problem()).contains("columns differ");
        registry.restorePayload(target);
        assertThat(auditLog.verify().ok()).isTrue();
    }

    private ProvisionJob identifyAndKey(MacAddress unit) {
        line.send(Events.identified(unit, station, "jig-3"));
        KeyMaterialRequested request = awaitVault(KeyMaterialRequested.class, unit);
        line.send(Events.issued(request.requestId(), unit, station));
        return awaitJob(1, unit);
    }

    private ProvisionJob awaitJob(int attempt) {
        return awaitJob(attempt, mac);
    }

    private ProvisionJob awaitJob(int attempt, MacAddress unit) {
        return await().atMost(WAIT).until(() -> stationJobs.received().stream().map(CloudEvent::data)
                .filter(ProvisionJob.class::isInstance).map(ProvisionJob.class::cast)
                .filter(j -> j.mac().equals(unit) && j.attempt() == attempt).findFirst(), o -> o.isPresent()).get();
    }

    private <T> T awaitVault(Class<T> type) {
        return awaitVault(type, mac);
    }

    private <T> T awaitVault(Class<T> type, MacAddress unit) {
        List<T> found = await().atMost(WAIT).until(() -> vault.received().stream().map(CloudEvent::data)
                .filter(type::isInstance).map(type::cast)
                .filter(m -> ((FuselineMessage) m).subjectMac().orElseThrow().equals(unit)).toList(), l -> !l.isEmpty());
        return found.get(found.size() - 1);
    }

    private void awaitHandled(CloudEvent<FuselineMessage> event) {
        await().atMost(WAIT).until(() -> registry.inbox(event.id()) == 1);
    }
}
