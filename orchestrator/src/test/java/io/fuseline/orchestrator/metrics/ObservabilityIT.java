package io.fuseline.orchestrator.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.messaging.MessagingTestProfile;
import io.fuseline.orchestrator.messaging.RecordingChannels;
import io.fuseline.orchestrator.store.WorkOrderStore;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.orchestrator.support.LineDriver;
import io.fuseline.orchestrator.support.Scenarios;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** Metrics and health on the real line: the meters a provisioned unit moves, and the readiness checks. */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
class ObservabilityIT {
    @Inject
    RecordingChannels.HsmRequestReader vault;
    @Inject
    RecordingChannels.StationJobReader stationJobs;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    @Readiness
    VaultRepliesHealthCheck vaultReplies;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aProvisionedUnitMovesTheOutcomeStepAndHandlingMetersAndKafkaLagIsExported() {
        try (LineDriver line = new LineDriver(bootstrap)) {
            Scenarios s = new Scenarios(line, vault, stationJobs);
            QuarkusTransaction.requiringNew().run(() -> {
                workOrders.create("wo-obs", "sensor-s3-v2", "lot-obs", 5, 0);
                workOrders.assign("st-obs", "wo-obs");
            });
            MacAddress mac = Events.mac(0xb0001);
            s.provision(mac, "st-obs");
            s.awaitVault(DeviceProvisioned.class, mac, 1);
        }
        await().atMost(Scenarios.WAIT).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("fuseline_units_total{outcome=\"provisioned\"}"))
                .body(containsString("fuseline_step_duration_seconds_count{kind=\"WRITE_FLASH\"}"))
                .body(containsString("fuseline_event_handling_seconds_count"))
                .body(containsString("fuseline_outbox_backlog"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag")));
    }

    @Test
    void readinessCoversTheDatabaseTheBrokerAndTheVaultReplies() {
        JsonPath ready = given().get("/q/health/ready").then().extract().jsonPath();
        List<String> names = ready.getList("checks.name");
        assertThat(names).contains("vault replies");
        assertThat(String.join(",", names)).containsIgnoringCase("database").containsIgnoringCase("kafka");
    }

    @Test
    void aKeyRequestWithoutAnAnswerTurnsTheVaultCheckDownUntilItIsAnswered() {
        try (LineDriver line = new LineDriver(bootstrap)) {
            Scenarios s = new Scenarios(line, vault, stationJobs);
            QuarkusTransaction.requiringNew().run(() -> {
                workOrders.create("wo-obs2", "sensor-s3-v2", "lot-obs2", 5, 0);
                workOrders.assign("st-obs2", "wo-obs2");
            });
            MacAddress mac = Events.mac(0xb0002);
            Instant later = Instant.now().plus(Duration.ofHours(1));
            long before = waiting(later);
            line.send(Events.identified(mac, "st-obs2", "jig-1"));
            KeyMaterialRequested request = s.awaitVault(KeyMaterialRequested.class, mac, 1);
            HealthCheckResponse down = vaultReplies.at(later);
            assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(waiting(later)).isEqualTo(before + 1);

            line.send(Events.issued(request.requestId(), mac, "st-obs2"));
            s.awaitJob(mac, 1);
            assertThat(waiting(later)).isEqualTo(before);
        }
    }

    private long waiting(Instant at) {
        return ((Number) vaultReplies.at(at).getData().orElseThrow().get("unitsWaitingLongerThanTimeout"))
                .longValue();
    }
}
