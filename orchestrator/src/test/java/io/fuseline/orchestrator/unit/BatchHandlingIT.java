package io.fuseline.orchestrator.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.messaging.MessagingTestProfile;
import io.fuseline.orchestrator.messaging.RecordingChannels;
import io.fuseline.orchestrator.store.AuditLogStore;
import io.fuseline.orchestrator.store.WorkOrderStore;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A poll batch handled in one transaction ({@link UnitEventHandler#acceptAll}) has the effects of its events handled
 * one by one: a repeat within the batch counts once, an event that can never be handled fails alone (the batch falls
 * back to one transaction per event) while the others take effect, and the audit chain stays gapless.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
class BatchHandlingIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STATION = "st-batch";
    private static final String SOURCE = "/fuseline/station/" + STATION;

    @Inject
    UnitEventHandler handler;
    @Inject
    RecordingChannels.HsmRequestReader vault;
    @Inject
    RecordingChannels.StationJobReader stationJobs;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    AuditLogStore auditLog;
    @Inject
    Registry registry;

    @Test
    void aBatchHasTheEffectsOfItsEventsOneByOne() {
        workOrder("wo-batch", 5, 0, STATION);
        MacAddress mac = Events.mac(0x7100);
        MacAddress other = Events.mac(0x7101);

        // Two units identified in one batch, one of them delivered twice within it.
        CloudEvent<FuselineMessage> identified = CloudEvent.of(SOURCE, Events.identified(mac, STATION, "jig-1"));
        CloudEvent<FuselineMessage> otherIdentified = CloudEvent.of(SOURCE,
                Events.identified(other, STATION, "jig-2"));
        assertThat(handler.acceptAll(List.of(identified, otherIdentified, identified))).containsOnlyNulls();
        assertThat(registry.inbox(identified.id())).isEqualTo(1);
        assertThat(registry.auditActions(mac)).filteredOn("unit.transition"::equals).hasSize(1);
        KeyMaterialRequested request = awaitVault(KeyMaterialRequested.class, mac);
        awaitVault(KeyMaterialRequested.class, other);

        // A command in the batch can never be handled: it alone fails, the keys issued next to it take effect.
        CloudEvent<FuselineMessage> bad = CloudEvent.of("/fuseline/orchestrator", request);
        CloudEvent<FuselineMessage> issued = CloudEvent.of("/fuseline/hsm-signer",
                Events.issued(request.requestId(), mac, STATION));
        List<RuntimeException> failures = handler.acceptAll(List.of(bad, issued));
        assertThat(failures.get(0)).hasStackTraceContaining("not an event it consumes");
        assertThat(failures.get(1)).isNull();
        assertThat(registry.inbox(bad.id())).isZero();
        ProvisionJob job = await().atMost(WAIT).until(() -> stationJobs.received().stream().map(CloudEvent::data)
                .filter(ProvisionJob.class::isInstance).map(ProvisionJob.class::cast)
                .filter(j -> j.mac().equals(mac)).findFirst(), o -> o.isPresent()).get();

        // The whole job in one batch, a step report repeated in it: provisioned once, the chain verifies.
        List<CloudEvent<FuselineMessage>> steps = new ArrayList<>();
        Events.run(job, 1, job.steps().size()).forEach(m -> steps.add(CloudEvent.of(SOURCE, m)));
        steps.add(2, steps.get(1));
        assertThat(handler.acceptAll(steps)).containsOnlyNulls();
        assertThat(registry.state(mac)).isEqualTo("PROVISIONED");
        assertThat(registry.inbox(steps.get(1).id())).isEqualTo(1);
        assertThat(registry.jobStatus(job.jobId())).isEqualTo("COMPLETED");
        // Step progress is written once per batch: every step ends started, finished, timed and with its evidence.
        assertThat(registry.jobSteps(job.jobId())).hasSize(job.steps().size())
                .allSatisfy(row -> assertThat(row).endsWith(" COMPLETED true true true true"));
        DeviceProvisioned done = awaitVault(DeviceProvisioned.class, mac);
        assertThat(registry.auditHashOfTransition(mac, "PROVISIONED")).isEqualTo(done.auditHead());
        assertThat(registry.workOrderCounters("wo-batch")).isEqualTo("2/1/0");
        assertThat(auditLog.verify().ok()).as(auditLog.verify().toString()).isTrue();
    }

    @Test
    void aBatchAdmitsNoMoreUnitsThanTheWorkOrderHolds() {
        String station = "st-batch-quota";
        workOrder("wo-quota", 1, 1, station);
        MacAddress first = Events.mac(0x7300);
        MacAddress second = Events.mac(0x7301);
        MacAddress third = Events.mac(0x7302);
        String source = "/fuseline/station/" + station;

        // The counters are written when the batch ends: the quota check must see the units admitted before in it
        // (else the table's check refuses the counters, and the batch is only saved by handling it event by event).
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(UnitEventHandler.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage() + " " + Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        log.addHandler(capture);
        try {
            assertThat(handler.acceptAll(List.of(CloudEvent.of(source, Events.identified(first, station, "jig-1")),
                    CloudEvent.of(source, Events.identified(second, station, "jig-2")),
                    CloudEvent.of(source, Events.identified(third, station, "jig-3"))))).containsOnlyNulls();
        } finally {
            log.removeHandler(capture);
        }
        assertThat(warnings).noneMatch(w -> w.contains("did not commit"));

        assertThat(registry.state(first)).isEqualTo("IDENTIFIED");
        assertThat(registry.state(second)).isEqualTo("IDENTIFIED");
        assertThat(registry.state(third)).isEqualTo("QUARANTINED");
        assertThat(registry.quarantineReason(third)).isEqualTo("QUOTA_EXCEEDED");
        assertThat(registry.workOrderCounters("wo-quota")).isEqualTo("2/0/1");
        assertThat(auditLog.verify().ok()).as(auditLog.verify().toString()).isTrue();
    }

    @Test
    void aJobIssuedBeforePlansWereStoredRunsOnItsOwnStepRows() {
        workOrder("wo-legacy", 5, 0, STATION);
        MacAddress mac = Events.mac(0x7200);
        assertThat(handler.acceptAll(List.of(CloudEvent.of(SOURCE, Events.identified(mac, STATION, "jig-3")))))
                .containsOnlyNulls();
        KeyMaterialRequested request = awaitVault(KeyMaterialRequested.class, mac);
        assertThat(handler.acceptAll(List.of(CloudEvent.of("/fuseline/hsm-signer",
                Events.issued(request.requestId(), mac, STATION))))).containsOnlyNulls();
        ProvisionJob job = await().atMost(WAIT).until(() -> stationJobs.received().stream().map(CloudEvent::data)
                .filter(ProvisionJob.class::isInstance).map(ProvisionJob.class::cast)
                .filter(j -> j.mac().equals(mac)).findFirst(), o -> o.isPresent()).get();
        assertThat(registry.jobSteps(job.jobId())).hasSize(job.steps().size())
                .allSatisfy(row -> assertThat(row).endsWith(" PENDING false false false false"));

        // As a registry upgraded mid-job has it: the steps as rows, no plan. Reports update those rows.
        registry.asJobIssuedBeforePlans(job.jobId());
        assertThat(registry.jobSteps(job.jobId())).hasSize(job.steps().size())
                .allSatisfy(row -> assertThat(row).endsWith(" PENDING false false false false"));
        List<CloudEvent<FuselineMessage>> reports = new ArrayList<>();
        Events.run(job, 1, job.steps().size()).forEach(m -> reports.add(CloudEvent.of(SOURCE, m)));
        int half = reports.size() / 2;
        assertThat(handler.acceptAll(reports.subList(0, half))).containsOnlyNulls();
        for (CloudEvent<FuselineMessage> report : reports.subList(half, reports.size())) {
            assertThat(handler.acceptAll(List.of(report))).containsOnlyNulls();
        }
        assertThat(registry.state(mac)).isEqualTo("PROVISIONED");
        assertThat(registry.jobSteps(job.jobId())).hasSize(job.steps().size())
                .allSatisfy(row -> assertThat(row).endsWith(" COMPLETED true true true true"));
    }

    /** A work order of the test recipe, built by {@code station} from now on. */
    private void workOrder(String id, int quantity, int overbuild, String station) {
        QuarkusTransaction.requiringNew().run(() -> {
            workOrders.create(id, "sensor-s3-v2", "lot-" + id, quantity, overbuild);
            workOrders.assign(station, id);
        });
    }

    private <T> T awaitVault(Class<T> type, MacAddress unit) {
        List<T> found = await().atMost(WAIT).until(() -> vault.received().stream().map(CloudEvent::data)
                .filter(type::isInstance).map(type::cast)
                .filter(m -> ((FuselineMessage) m).subjectMac().orElseThrow().equals(unit)).toList(), l -> !l.isEmpty());
        return found.get(found.size() - 1);
    }
}
