package io.fuseline.orchestrator.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.messaging.MessagingTestProfile;
import io.fuseline.orchestrator.messaging.RecordingChannels;
import io.fuseline.orchestrator.outbox.OutboxRelay;
import io.fuseline.orchestrator.store.AuditLogStore;
import io.fuseline.orchestrator.store.WorkOrderStore;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.orchestrator.support.LineDriver;
import io.fuseline.orchestrator.support.Scenarios;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReason;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * An orchestrator crash in the middle of a job, on the real broker and PostgreSQL. The JVM is shared with the test,
 * so the process is not killed; instead the test leaves behind, one by one, every state a kill can leave (all the
 * orchestrator's state is in PostgreSQL and Kafka, none in memory) and shows that the restarted service makes it
 * good: a transaction cut off mid-event (rolled back, the event comes again), an event committed but not yet
 * acknowledged to Kafka (delivered again), outbox rows sent but not yet marked published (sent again; receivers
 * deduplicate by CloudEvent id), and the station re-identifying the unit after the restart. The unit completes (or is
 * quarantined if fuses may have burned); nothing is lost or doubled.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
class RestartIT {
    private static final String STATION = "st-restart";

    @Inject
    RecordingChannels.HsmRequestReader vault;
    @Inject
    RecordingChannels.StationJobReader stationJobs;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    EventProcessing processing;
    @Inject
    OutboxRelay relay;
    @Inject
    AuditLogStore auditLog;
    @Inject
    Registry registry;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aUnitMidFlashCompletesAfterTheRestartAndNothingIsLostOrDoubled() throws Exception {
        workOrder("wo-restart-1");
        MacAddress mac = Events.mac(0xd0001);
        int retrySteps;
        try (LineDriver line = new LineDriver(bootstrap)) {
            Scenarios s = new Scenarios(line, vault, stationJobs);
            ProvisionJob job = s.identifyAndKey(mac, STATION);
            line.sendAll(Events.run(job, 1, 1));
            await().atMost(Scenarios.WAIT).until(() -> registry.auditActions(mac).contains("step.completed"));
            CloudEvent<FuselineMessage> completed2 = CloudEvent.of("/fuseline/station/" + STATION,
                    Events.completed(job, 2));

            // The crash cuts a transaction off in the middle of an event: nothing of it stays.
            int auditBefore = registry.auditActions(mac).size();
            QuarkusTransaction.begin();
            processing.handle(CloudEvent.of("/fuseline/station/" + STATION, Events.started(job, 2)));
            QuarkusTransaction.rollback();
            assertThat(registry.auditActions(mac)).hasSize(auditBefore);

            // Events committed before the crash but not acknowledged come again after it: one effect.
            line.sendAll(List.of(Events.started(job, 2)));
            line.resend(completed2);
            line.resend(completed2);
            await().atMost(Scenarios.WAIT).until(() -> registry.inbox(completed2.id()) == 1);

            // The relay had sent the unit's commands but died before marking them: they go out again.
            int jobsSeen = jobDeliveries(mac);
            markUnpublished(mac);
            relay.wake();
            await().atMost(Scenarios.WAIT).until(() -> jobDeliveries(mac) > jobsSeen);
            assertThat(stationJobs.received().stream().filter(e -> mac.toString().equals(e.subject()))
                    .map(CloudEvent::id).distinct()).hasSize(1);

            // After the restart the station re-identifies the unit: blank fuses, so the job is retried and completes.
            line.send(Events.identified(mac, STATION, "jig-1"));
            ProvisionJob retry = s.awaitJob(mac, 2);
            retrySteps = retry.steps().size();
            line.sendAll(Events.run(retry, 1, retry.steps().size()));
            s.awaitVault(DeviceProvisioned.class, mac, 1);
        }
        assertThat(registry.state(mac)).isEqualTo("PROVISIONED");
        assertThat(registry.jobStatus(registry.jobIds(mac).get(0))).isEqualTo("ABANDONED");
        assertThat(registry.count("fuse_burns", mac)).isEqualTo(4);
        assertThat(registry.auditActions(mac)).filteredOn("step.completed"::equals).hasSize(2 + retrySteps);
        assertThat(vault.received().stream().filter(e -> e.data() instanceof DeviceProvisioned
                && mac.toString().equals(e.subject())).map(CloudEvent::id).distinct()).hasSize(1);
        assertThat(auditLog.verify().ok()).isTrue();
    }

    @Test
    void aUnitThatWasBurningFusesIsQuarantinedAfterTheRestartWithItsKeysEscrowed() {
        workOrder("wo-restart-2");
        MacAddress mac = Events.mac(0xd0002);
        try (LineDriver line = new LineDriver(bootstrap)) {
            Scenarios s = new Scenarios(line, vault, stationJobs);
            ProvisionJob job = s.identifyAndKey(mac, STATION);
            int burn = Events.firstIrreversible(job);
            line.sendAll(Events.run(job, 1, burn));
            line.send(Events.identifiedWithFusesBurned(mac, STATION, "jig-1"));
            QuarantineOrdered q = s.awaitVault(QuarantineOrdered.class, mac, 1);
            assertThat(q.reason()).isEqualTo(QuarantineReason.FAILED_AFTER_IRREVERSIBLE_STEP);
            assertThat(q.irreversibleStepsDone()).isTrue();
        }
        assertThat(registry.custody(mac)).contains(Events.keyId(mac, "fe") + " BLOCK_KEY0 ESCROW");
        assertThat(jobDeliveries(mac)).isEqualTo(1);
    }

    private void workOrder(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            workOrders.create(id, "sensor-s3-v2", "lot-" + id, 5, 0);
            workOrders.assign(STATION, id);
        });
    }

    private int jobDeliveries(MacAddress mac) {
        return (int) stationJobs.received().stream().filter(e -> mac.toString().equals(e.subject())).count();
    }

    private void markUnpublished(MacAddress mac) throws Exception {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "UPDATE outbox SET published_at = NULL WHERE headers->>'ce_subject' = ?")) {
            ps.setString(1, mac.toString());
            assertThat(ps.executeUpdate()).isPositive();
        }
    }
}
