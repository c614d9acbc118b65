package io.fuseline.orchestrator.lifecycle;

import static io.fuseline.orchestrator.support.Events.firstIrreversible;
import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.recipe.RecipeBook;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.schemas.message.UnitNvs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UnitLifecycleTest {
    private static final RecipeBook RECIPES = RecipeBook.load(Path.of("src/test/resources/recipes"));
    private static final WorkOrderView WO = new WorkOrderView("wo-1", "sensor-s3-v2", "lot-7", 10, 1, 0);
    private final AtomicInteger counter = new AtomicInteger();
    private final UnitLifecycle lifecycle = new UnitLifecycle(new LifecyclePolicy(2), RECIPES,
            prefix -> prefix + "-" + counter.incrementAndGet());
    private final CloudEventCodec codec = new CloudEventCodec();
    private final MacAddress mac = Events.mac(1);
    private Unit unit;
    private final List<FuselineMessage> commands = new ArrayList<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    @Test
    void aBlankUnitGoesFromIdentifiedToProvisionedWithEveryTransitionAudited() {
        ProvisionJob job = keyedAndJobIssued();
        Events.run(job, 1, job.steps().size()).forEach(this::on);

        assertThat(unit.state()).isInstanceOf(UnitState.Provisioned.class);
        DeviceProvisioned done = last(DeviceProvisioned.class);
        assertThat(done.burnedKeyIds()).containsExactly(Events.keyId(mac, "fe"));
        assertThat(done.auditHead()).isEqualTo(Outcome.AUDIT_HEAD_PENDING);
        assertThat(audit.stream().filter(a -> a.action().equals("unit.transition")).map(a -> a.details().get("to")))
                .containsExactly("IDENTIFIED", "KEYED", "JOB_ISSUED", "FLASHING", "FUSES_BURNING", "VERIFIED",
                        "PROVISIONED");
        assertThat(audit).filteredOn(a -> a.action().equals("fuse.burned")).hasSize(4);
        // Every command but the provisioned verdict (whose head the appender fills) passes its contract.
        commands.stream().filter(c -> !(c instanceof DeviceProvisioned))
                .forEach(c -> codec.encode(CloudEvent.of("/test", c)));
    }

    @Test
    void aTransientFailureBeforeTheFirstIrreversibleStepIsRetriedThenQuarantinedWhenAttemptsRunOut() {
        ProvisionJob first = keyedAndJobIssued();
        Events.run(first, 1, 2).forEach(this::on);
        on(Events.failed(first, 3, FailureReason.SERIAL_TIMEOUT));

        ProvisionJob second = last(ProvisionJob.class);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.jobId()).isNotEqualTo(first.jobId());
        assertThat(unit.state().kind()).isEqualTo(StateKind.JOB_ISSUED);

        on(Events.completed(first, 4)); // a late report of the replaced attempt changes nothing
        assertThat(unit.state().kind()).isEqualTo(StateKind.JOB_ISSUED);
        assertThat(audit.get(audit.size() - 1).action()).isEqualTo("event.ignored");

        on(Events.failed(second, 1, FailureReason.FLASH_WRITE_ERROR));
        assertQuarantined(QuarantineReason.RETRIES_EXHAUSTED, false);
    }

    @Test
    void anyFailureAfterTheFirstIrreversibleStepQuarantinesWithoutRetry() {
        ProvisionJob job = keyedAndJobIssued();
        int burn = firstIrreversible(job);
        Events.run(job, 1, burn).forEach(this::on);
        on(Events.failed(job, burn + 1, FailureReason.SERIAL_TIMEOUT));

        QuarantineOrdered q = assertQuarantined(QuarantineReason.FAILED_AFTER_IRREVERSIBLE_STEP, true);
        assertThat(q.failedStep()).isEqualTo(burn + 1);
        assertThat(q.evidence()).containsEntry("failure", "SERIAL_TIMEOUT");
        assertThat(commands).filteredOn(ProvisionJob.class::isInstance).hasSize(1);
    }

    @Test
    void aReadBackMismatchOfABurnIsAVerificationMismatchWithBothSidesAsEvidence() {
        ProvisionJob job = keyedAndJobIssued();
        int burn = firstIrreversible(job);
        Events.run(job, 1, burn - 1).forEach(this::on);
        on(Events.started(job, burn));
        on(Events.failed(job, burn, FailureReason.EFUSE_BURN_NOT_VERIFIED));

        QuarantineOrdered q = assertQuarantined(QuarantineReason.VERIFICATION_MISMATCH, true);
        assertThat(q.evidence()).containsEntry("expected", "md5 00").containsEntry("actual", "md5 ff");
    }

    @Test
    void aProvisionedMacComingBackIsQuarantinedAsADuplicate() {
        ProvisionJob job = keyedAndJobIssued();
        Events.run(job, 1, job.steps().size()).forEach(this::on);
        identify(Events.identified(mac, "st-02", "jig-1"), Optional.of(WO));

        QuarantineOrdered q = assertQuarantined(QuarantineReason.DUPLICATE_MAC, false);
        assertThat(q.evidence()).containsEntry("registeredJob", job.jobId()).containsEntry("arrivedStation", "st-02");
    }

    @Test
    void aUnitInProgressOnAnotherStationIsADuplicate() {
        keyedAndJobIssued();
        identify(Events.identified(mac, "st-09", "jig-1"), Optional.of(WO));
        assertQuarantined(QuarantineReason.DUPLICATE_MAC, false);
    }

    @Test
    void securityFusesBurnedOnArrivalQuarantineBeforeAnyKeyIsRequested() {
        identify(Events.identifiedWithFusesBurned(mac, "st-01", "jig-3"), Optional.of(WO));
        QuarantineOrdered q = assertQuarantined(QuarantineReason.SECURITY_FUSES_ALREADY_BURNED, false);
        assertThat(q.evidence()).containsEntry("efuse.SPI_BOOT_CRYPT_CNT", "7");
        assertThat(commands).noneMatch(KeyMaterialRequested.class::isInstance);
    }

    @Test
    void aFullWorkOrderQuarantinesAndAStationWithoutOneHolds() {
        identify(Events.identified(mac, "st-01", "jig-3"), Optional.of(new WorkOrderView("wo-1", "sensor-s3-v2",
                "lot", 10, 1, 11)));
        assertQuarantined(QuarantineReason.QUOTA_EXCEEDED, false);

        Outcome none = lifecycle.identified(Optional.empty(), Events.identified(Events.mac(2), "st-01", "jig-3"),
                Optional.empty());
        assertThat(((UnitState.Quarantined) none.unit().state()).reason()).isEqualTo(QuarantineReason.OPERATOR_HOLD);
        assertThat(none.admitted()).isFalse();
    }

    @Test
    void aSilentStationQuarantinesItsUnitsInAJobOnly() {
        keyedAndJobIssued();
        Outcome silent = lifecycle.stationSilent(unit, Instant.EPOCH, Duration.ofMinutes(2));
        assertThat(((UnitState.Quarantined) silent.unit().state()).reason()).isEqualTo(QuarantineReason.STATION_SILENT);

        Outcome provisioned = lifecycle.stationSilent(silent.unit(), Instant.EPOCH, Duration.ofMinutes(2));
        assertThat(provisioned.commands()).isEmpty();
    }

    @Test
    void aUnitThatLeftItsJigMidFlashIsRetriedWhenItComesBackAndQuarantinedIfItLeftWhileBurning() {
        ProvisionJob job = keyedAndJobIssued();
        Events.run(job, 1, 2).forEach(this::on);
        on(Events.detachedDuringJob(job));
        assertThat(unit.state()).isEqualTo(new UnitState.Keyed(2));

        identify(Events.identified(mac, "st-01", "jig-4"), Optional.of(WO));
        ProvisionJob again = last(ProvisionJob.class);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.jigId()).isEqualTo("jig-4");

        int burn = firstIrreversible(again);
        Events.run(again, 1, burn).forEach(this::on);
        on(Events.detachedDuringJob(again));
        assertQuarantined(QuarantineReason.FAILED_AFTER_IRREVERSIBLE_STEP, true);
    }

    @Test
    void aUnitIdentifiedAgainWhileItsRetryWaitsGetsTheSameJobNotASecondAttempt() {
        ProvisionJob first = keyedAndJobIssued();
        Events.run(first, 1, 2).forEach(this::on);
        on(Events.failed(first, 3, FailureReason.DEVICE_DISCONNECTED));
        ProvisionJob retry = last(ProvisionJob.class);
        assertThat(retry.attempt()).isEqualTo(2);

        // The flaky cable reconnects: the station identifies the unit again before the retry started.
        identify(Events.identified(mac, "st-01", "jig-3"), Optional.of(WO));
        ProvisionJob resent = last(ProvisionJob.class);
        assertThat(resent.jobId()).isEqualTo(retry.jobId());
        assertThat(resent.attempt()).isEqualTo(2);
        assertThat(resent.steps()).isEqualTo(retry.steps());
        assertThat(unit.state().job().orElseThrow().jobId()).isEqualTo(retry.jobId());

        Events.run(retry, 1, retry.steps().size()).forEach(this::on);
        assertThat(unit.state()).isInstanceOf(UnitState.Provisioned.class);
    }

    @Test
    void everyJobCarriesTheUnitsOwnNvsRenderedFromItsLotIdsAndCertificateRetriesIncluded() {
        ProvisionJob first = keyedAndJobIssued();
        KeyMaterialIssued keys = Events.issued(first.keyMaterialRequestId(), mac, "st-01");

        UnitNvs nvs = first.nvs();
        assertThat(nvs.entries()).containsExactly(new UnitNvs.Entry("serial", mac.toString()),
                new UnitNvs.Entry("lot", "lot-7"), new UnitNvs.Entry("wo", "wo-1"));
        assertThat(nvs.certificatePem()).isEqualTo(keys.certificatePem());
        assertThat(MessageType.of(first)).isEqualTo(MessageType.PROVISION_JOB_V2);
        assertThat(audit).filteredOn(a -> "JOB_ISSUED".equals(a.details().get("to")))
                .singleElement().satisfies(a -> assertThat(a.details()).containsEntry("unitNvsDigest", nvs.digest()));

        Events.run(first, 1, 2).forEach(this::on);
        on(Events.failed(first, 3, FailureReason.SERIAL_TIMEOUT));
        ProvisionJob retry = last(ProvisionJob.class);
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.nvs()).isEqualTo(nvs);
        codec.encode(CloudEvent.of("/test", retry));
    }

    @Test
    void aUnitKeyedWithoutTheCertificateItsRecipeWritesIsHeldNotSentAJobTheStationWouldRefuse() {
        identify(Events.identified(mac, "st-01", "jig-3"), Optional.of(WO));
        KeyMaterialIssued keys = Events.issued(last(KeyMaterialRequested.class).requestId(), mac, "st-01");
        // As a unit keyed before the registry kept certificates comes back from the database.
        unit = unit.withKeys(keys.wrappedKeys(), null, new UnitState.Keyed(1));

        identify(Events.identified(mac, "st-01", "jig-3"), Optional.of(WO));

        QuarantineOrdered q = assertQuarantined(QuarantineReason.OPERATOR_HOLD, false);
        assertThat(q.evidence().get("problem")).contains(mac.toString(), "no device certificate");
        assertThat(commands).noneMatch(ProvisionJob.class::isInstance);
    }

    private ProvisionJob keyedAndJobIssued() {
        identify(Events.identified(mac, "st-01", "jig-3"), Optional.of(WO));
        KeyMaterialRequested request = last(KeyMaterialRequested.class);
        assertThat(unit.state()).isEqualTo(new UnitState.Identified(request.requestId()));
        on(Events.issued(request.requestId(), mac, "st-01"));
        assertThat(unit.state().kind()).isEqualTo(StateKind.JOB_ISSUED);
        return last(ProvisionJob.class);
    }

    private void identify(io.fuseline.schemas.message.DeviceIdentified e, Optional<WorkOrderView> wo) {
        apply(lifecycle.identified(Optional.ofNullable(unit), e, wo));
    }

    private void on(FuselineMessage event) {
        apply(lifecycle.on(unit, event));
    }

    private void apply(Outcome outcome) {
        unit = outcome.unit();
        commands.addAll(outcome.commands());
        audit.addAll(outcome.audit());
    }

    private QuarantineOrdered assertQuarantined(QuarantineReason reason, boolean irreversible) {
        assertThat(unit.state()).isInstanceOf(UnitState.Quarantined.class);
        UnitState.Quarantined q = (UnitState.Quarantined) unit.state();
        assertThat(q.reason()).isEqualTo(reason);
        QuarantineOrdered order = last(QuarantineOrdered.class);
        assertThat(order.reason()).isEqualTo(reason);
        assertThat(order.irreversibleStepsDone()).isEqualTo(irreversible);
        assertThat(order.quarantineId()).isEqualTo(q.quarantineId());
        codec.encode(CloudEvent.of("/test", order));
        return order;
    }

    private <T> T last(Class<T> type) {
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (type.isInstance(commands.get(i))) {
                return type.cast(commands.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " among " + commands);
    }
}
