package io.fuseline.orchestrator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.messaging.MessagingTestProfile;
import io.fuseline.orchestrator.messaging.RecordingChannels;
import io.fuseline.orchestrator.store.WorkOrderStore;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.orchestrator.support.LineDriver;
import io.fuseline.orchestrator.support.Scenarios;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.Disposition;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.schemas.message.QuarantineReleased;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The REST API on a line with real units: a provisioned one, one quarantined after its retries, whose release for
 * RETEST lets it re-enter with a reprovision key request; roles enforced with 401 and 403.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIT {
    private static final String STATION = "st-api";
    private static final String WO = "wo-api";
    private static final MacAddress GOOD = Events.mac(0xa0001);
    private static final MacAddress FAILING = Events.mac(0xa0002);
    private static final MacAddress SCRAPPED = Events.mac(0xa0003);
    private static LineDriver line;
    private static Scenarios scenarios;

    @Inject
    RecordingChannels.HsmRequestReader vault;
    @Inject
    RecordingChannels.StationJobReader stationJobs;
    @Inject
    WorkOrderStore workOrders;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void aLineWithAProvisionedAndTwoQuarantinedUnits() {
        if (line != null) {
            return;
        }
        line = new LineDriver(bootstrap);
        scenarios = new Scenarios(line, vault, stationJobs);
        QuarkusTransaction.requiringNew().run(() -> {
            workOrders.create(WO, "sensor-s3-v2", "lot-api", 10, 0);
            workOrders.assign(STATION, WO);
        });
        scenarios.provision(GOOD, STATION);
        scenarios.awaitVault(DeviceProvisioned.class, GOOD, 1);
        scenarios.exhaustRetries(FAILING, STATION);
        scenarios.awaitVault(QuarantineOrdered.class, FAILING, 1);
        scenarios.exhaustRetries(SCRAPPED, STATION);
        scenarios.awaitVault(QuarantineOrdered.class, SCRAPPED, 1);
    }

    @AfterAll
    static void closeLine() {
        if (line != null) {
            line.close();
        }
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-local");
    }

    @Test
    @Order(1)
    void everyEndpointRefusesAnonymousCallersAndWrongRoles() {
        given().get("/api/units?lot=lot-api").then().statusCode(401);
        as("quality").auth().preemptive().basic("quality", "wrong").get("/api/units?lot=lot-api").then().statusCode(401);
        as("operator").get("/api/custody?mac=" + GOOD).then().statusCode(403);
        as("operator").get("/api/audit/records").then().statusCode(403);
        as("operator").get("/api/units/" + GOOD + "/history").then().statusCode(403);
        as("quality").get("/api/reports/signing").then().statusCode(403);
        as("security").get("/api/quarantine").then().statusCode(403);
        as("security").contentType(ContentType.JSON).body(Map.of("disposition", "SCRAP", "reason", "x"))
                .post("/api/quarantine/q-x/disposition").then().statusCode(403);
        as("operator").contentType(ContentType.JSON).body(Map.of("disposition", "SCRAP", "reason", "x"))
                .post("/api/quarantine/q-x/disposition").then().statusCode(403);
        as("admin").get("/api/reports/signing").then().statusCode(200);
    }

    @Test
    @Order(2)
    void aUnitIsFoundByMacSerialOrLotAndItsHistoryHasStatesStepsFusesCustodyAndAuditIds() {
        as("operator").get("/api/units?mac=" + GOOD.toString().toUpperCase()).then().statusCode(200)
                .body("[0].state", equalTo("PROVISIONED")).body("[0].lot", equalTo("lot-api"));
        as("operator").get("/api/units?serial=" + GOOD.toString().replace(":", "")).then().statusCode(200)
                .body("[0].mac", equalTo(GOOD.toString()));
        List<String> lot = as("quality").get("/api/units?lot=lot-api").then().statusCode(200).extract()
                .jsonPath().getList("mac");
        assertThat(lot).contains(GOOD.toString(), FAILING.toString(), SCRAPPED.toString());
        as("quality").get("/api/units?mac=zz").then().statusCode(400);

        JsonPath h = as("quality").get("/api/units/" + GOOD + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(h.getList("states.to", String.class)).containsExactly("IDENTIFIED", "KEYED", "JOB_ISSUED",
                "FLASHING", "FUSES_BURNING", "VERIFIED", "PROVISIONED");
        assertThat(h.getList("jobs[0].steps.status", String.class)).containsOnly("COMPLETED");
        assertThat(h.getString("jobs[0].steps[0].evidence.readBack")).isEqualTo("ok");
        assertThat(h.getList("fuseBurns.field", String.class)).contains("BLOCK_KEY0");
        assertThat(h.getList("fuseBurns.after", String.class)).contains("0x1");
        assertThat(h.getList("custody.keyId", String.class)).contains(Events.keyId(GOOD, "fe"));
        assertThat(h.getList("auditRecords", Long.class)).hasSizeGreaterThan(10);
        as("quality").get("/api/units/f4:12:fa:ff:ff:ff/history").then().statusCode(404);
    }

    @Test
    @Order(3)
    void theAuditTrailIsSearchedByWorkOrderActionAndFailureReasonPageByPage() {
        JsonPath failures = as("quality").queryParam("workOrder", WO).queryParam("action", "step.failed")
                .queryParam("failureReason", "SERIAL_TIMEOUT").queryParam("size", 3).get("/api/audit/records")
                .then().statusCode(200).extract().jsonPath();
        assertThat(failures.getLong("total")).isEqualTo(4);
        assertThat(failures.getList("items")).hasSize(3);
        JsonPath second = as("security").queryParam("workOrder", WO).queryParam("action", "step.failed")
                .queryParam("size", 3).queryParam("page", 1).get("/api/audit/records").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items")).hasSize(1);
        as("quality").queryParam("station", STATION).queryParam("outcome", "PROVISIONED")
                .queryParam("from", "2000-01-01T00:00:00Z").get("/api/audit/records").then().statusCode(200)
                .body("items.subject", hasItem(GOOD.toString()));
        as("quality").queryParam("from", "yesterday").get("/api/audit/records").then().statusCode(400);
    }

    @Test
    @Order(4)
    void yieldParetoCustodyAndSigningCountsAreReported() {
        as("operator").queryParam("workOrder", WO).get("/api/reports/yield").then().statusCode(200)
                .body("[0].stationId", equalTo(STATION)).body("[0].provisioned", equalTo(1))
                .body("[0].quarantined", equalTo(2));
        JsonPath pareto = as("quality").queryParam("workOrder", WO).get("/api/reports/pareto").then()
                .statusCode(200).extract().jsonPath();
        assertThat(pareto.getString("[0].reason")).isEqualTo("SERIAL_TIMEOUT");
        assertThat(pareto.getLong("[0].count")).isEqualTo(4);
        assertThat(pareto.getDouble("[-1].cumulativePercent")).isEqualTo(100.0);

        String kcv = as("security").queryParam("mac", GOOD.toString()).get("/api/custody").then().statusCode(200)
                .extract().jsonPath().getString("find { it.kind == 'FLASH_ENCRYPTION_KEY' }.kcv");
        as("security").queryParam("kcv", kcv).get("/api/custody").then().statusCode(200)
                .body("mac", hasItem(GOOD.toString()));
        as("security").get("/api/reports/signing").then().statusCode(200)
                .body("find { it.workOrderId == '" + WO + "' }.deviceCertificates", equalTo(3));
    }

    @Test
    @Order(5)
    void aRetestReleaseIsAuditedAndTheUnitReentersWithAReprovisionKeyRequest() {
        String q = scenarios.awaitVault(QuarantineOrdered.class, FAILING, 1).quarantineId();
        as("quality").get("/api/quarantine?reason=RETRIES_EXHAUSTED").then().statusCode(200)
                .body("quarantineId", hasItem(q));
        as("quality").contentType(ContentType.JSON).body(Map.of("disposition", "RETEST", "reason", " "))
                .post("/api/quarantine/" + q + "/disposition").then().statusCode(400);
        as("quality").contentType(ContentType.JSON).body(Map.of("disposition", "RETEST", "reason",
                "cable replaced on jig 1")).post("/api/quarantine/" + q + "/disposition").then().statusCode(200)
                .body("dispositions[0].decidedBy", equalTo("quality")).body("closedAt", org.hamcrest.Matchers
                        .notNullValue());
        as("admin").contentType(ContentType.JSON).body(Map.of("disposition", "SCRAP", "reason", "again"))
                .post("/api/quarantine/" + q + "/disposition").then().statusCode(409);
        as("admin").contentType(ContentType.JSON).body(Map.of("disposition", "SCRAP", "reason", "x"))
                .post("/api/quarantine/q-none/disposition").then().statusCode(404);

        QuarantineReleased released = scenarios.awaitVault(QuarantineReleased.class, FAILING, 1);
        assertThat(released.disposition()).isEqualTo(Disposition.RETEST);
        assertThat(released.by()).isEqualTo("quality");
        as("quality").queryParam("mac", FAILING.toString()).queryParam("action", "unit.transition")
                .get("/api/audit/records").then().statusCode(200)
                .body("items.actor", hasItem("user:quality")).body("items.payload.reason",
                        hasItem("cable replaced on jig 1"));

        line.send(Events.identified(FAILING, STATION, "jig-2"));
        KeyMaterialRequested again = scenarios.awaitVault(KeyMaterialRequested.class, FAILING, 2);
        assertThat(again.reprovision()).isTrue();
        line.send(Events.issued(again.requestId(), FAILING, STATION));
        ProvisionJob third = scenarios.awaitJob(FAILING, 3);
        line.sendAll(Events.run(third, 1, third.steps().size()));
        assertThat(scenarios.awaitVault(DeviceProvisioned.class, FAILING, 1).attempt()).isEqualTo(3);
    }

    @Test
    @Order(6)
    void aScrappedUnitThatComesBackIsQuarantinedAsADuplicate() {
        String q = scenarios.awaitVault(QuarantineOrdered.class, SCRAPPED, 1).quarantineId();
        as("admin").contentType(ContentType.JSON).body(Map.of("disposition", "SCRAP", "reason", "cracked board"))
                .post("/api/quarantine/" + q + "/disposition").then().statusCode(200);
        line.send(Events.identified(SCRAPPED, STATION, "jig-1"));
        QuarantineOrdered again = scenarios.awaitVault(QuarantineOrdered.class, SCRAPPED, 2);
        assertThat(again.reason()).isEqualTo(QuarantineReason.DUPLICATE_MAC);
        assertThat(again.evidence()).containsEntry("scrappedIn", q);
        await().atMost(Scenarios.WAIT).untilAsserted(() -> as("operator").get("/api/units?mac=" + SCRAPPED)
                .then().body("[0].state", equalTo("QUARANTINED")));
    }

    @Test
    @Order(8)
    void workOrdersAreCreatedAssignedPerChipAndClosedByAdminsOnly() {
        Map<String, Object> order = Map.of("id", "wo-plan", "recipe", "sensor-s3-v2", "lot", "lot-plan", "quantity", 2,
                "stations", List.of("st-plan"));
        as("quality").contentType(ContentType.JSON).body(order).post("/api/work-orders").then().statusCode(403);
        as("admin").contentType(ContentType.JSON).body(order).post("/api/work-orders").then().statusCode(201)
                .body("chip", equalTo("esp32s3")).body("stations", hasItem("st-plan")).body("status", equalTo("OPEN"));
        as("admin").contentType(ContentType.JSON).body(order).post("/api/work-orders").then().statusCode(409);
        as("admin").contentType(ContentType.JSON).body(Map.of("id", "wo-x", "recipe", "no-such", "lot", "l",
                "quantity", 1)).post("/api/work-orders").then().statusCode(400).body("error", containsString("no-such"));
        as("operator").get("/api/work-orders?open=true").then().statusCode(200).body("id", hasItem("wo-plan"));

        MacAddress s3 = Events.mac(0xa0010);
        line.send(Events.identified(s3, "st-plan", "jig-1"));
        assertThat(scenarios.awaitVault(KeyMaterialRequested.class, s3, 1).workOrderId()).isEqualTo("wo-plan");
        as("operator").get("/api/work-orders/wo-plan").then().statusCode(200).body("started", equalTo(1));

        // The station builds S3s only: an ESP32 on it waits for a work order of its own chip.
        MacAddress esp32 = MacAddress.parse("24:0a:c4:00:10:11");
        line.send(Events.identifiedEsp32(esp32, "st-plan", "jig-2"));
        QuarantineOrdered held = scenarios.awaitVault(QuarantineOrdered.class, esp32, 1);
        assertThat(held.reason()).isEqualTo(QuarantineReason.OPERATOR_HOLD);
        assertThat(held.evidence().get("problem")).contains("no open work order");

        as("admin").post("/api/work-orders/wo-plan/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        as("admin").post("/api/work-orders/wo-plan/close").then().statusCode(409);
        as("admin").put("/api/work-orders/wo-none/stations/st-plan").then().statusCode(404);
        MacAddress late = Events.mac(0xa0011);
        line.send(Events.identified(late, "st-plan", "jig-1"));
        assertThat(scenarios.awaitVault(QuarantineOrdered.class, late, 1).reason())
                .isEqualTo(QuarantineReason.OPERATOR_HOLD);
        JsonPath audit = as("quality").queryParam("action", "workorder.created").get("/api/audit/records").then()
                .statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.actor", String.class)).contains("user:admin");
        assertThat(audit.getList("items.payload.workOrder", String.class)).contains("wo-plan");
        assertThat(audit.getList("items.subject", String.class)).containsOnly("line");
    }

    @Test
    @Order(7)
    void theOpenApiDocumentIsPublished() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/quarantine/{id}/disposition")).body(containsString("/api/audit/records"));
    }
}
