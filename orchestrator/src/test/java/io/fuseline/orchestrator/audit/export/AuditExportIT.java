package io.fuseline.orchestrator.audit.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.orchestrator.audit.StoredCheckpoint;
import io.fuseline.orchestrator.checkpoint.Checkpointer;
import io.fuseline.orchestrator.messaging.MessagingTestProfile;
import io.fuseline.orchestrator.messaging.RecordingChannels;
import io.fuseline.orchestrator.store.WorkOrderStore;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.orchestrator.support.LineDriver;
import io.fuseline.orchestrator.support.Scenarios;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.security.PublicKey;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints over the real chain, exported from PostgreSQL and verified offline with the public key the API
 * serves; a record altered in the file is reported at that record.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
class AuditExportIT {
    @Inject
    RecordingChannels.HsmRequestReader vault;
    @Inject
    RecordingChannels.StationJobReader stationJobs;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    Checkpointer checkpointer;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aCheckpointedChainExportsAndVerifiesOfflineAndATamperedFileIsReportedAtTheRecord() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            workOrders.create("wo-export", "sensor-s3-v2", "lot-export", 5, 0);
            workOrders.assign("st-export", "wo-export");
        });
        try (LineDriver line = new LineDriver(bootstrap)) {
            Scenarios s = new Scenarios(line, vault, stationJobs);
            MacAddress first = Events.mac(0xc0001);
            s.provision(first, "st-export");
            s.awaitVault(DeviceProvisioned.class, first, 1);
            StoredCheckpoint checkpoint = checkpointer.checkpointNow().orElseThrow();
            MacAddress second = Events.mac(0xc0002);
            s.identifyAndKey(second, "st-export");
            assertThat(checkpoint.sequence()).isPositive();
        }
        PublicKey key = Pem.readPublicKey(given().auth().preemptive().basic("security", "security-local")
                .get("/api/audit/checkpoints/public-key").then().statusCode(200).extract().asString());
        given().auth().preemptive().basic("quality", "quality-local").get("/api/audit/checkpoints").then()
                .statusCode(200);

        List<String> lines = export();
        ExportReport report = new ExportVerifier().verify(lines, key);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.checkpoints()).isPositive();
        assertThat(report.unsignedTail()).isPositive();

        List<String> tampered = new ArrayList<>(lines);
        int target = 5;
        tampered.set(target, tampered.get(target).replace("\"orchestrator\"", "\"intruder\""));
        long sequence = ExportFormat.parse(lines.get(target)).path("record").path("sequence").asLong();
        assertThat(new ExportVerifier().verify(tampered, key).brokenAt()).hasValue(sequence);
    }

    private List<String> export() throws Exception {
        StringWriter out = new StringWriter();
        try (Connection c = dataSource.getConnection()) {
            new AuditExporter(Clock.systemUTC()).export(c, null, null, out);
        }
        return out.toString().lines().toList();
    }
}
