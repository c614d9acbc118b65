package io.fuseline.hsm.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.hsm.ca.FactoryCa;
import io.fuseline.hsm.material.IssuanceContract;
import io.fuseline.hsm.material.MaterialIssuer;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.software.SoftwareKeyVault;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.AuditRecord;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.Disposition;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.schemas.message.QuarantineReleased;
import io.fuseline.schemas.message.WrappedKey;
import io.fuseline.schemas.envelope.P256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custody ledger over a software vault: what gets recorded, the chain, and destroy/escrow by policy. */
class CustodyLedgerTest {
    private static final CloudEventCodec CODEC = new CloudEventCodec();
    @TempDir
    Path dir;
    private KeyVault vault;
    private CustodyLedger ledger;
    private final List<AuditRecord> emitted = new ArrayList<>();
    private MaterialIssuer issuer;
    private KeyDisposition disposition;

    @BeforeEach
    void open() {
        vault = SoftwareKeyVault.open(dir.resolve("vault.p12"), PinSource.of("pw".toCharArray()));
        vault.enrollStation("st-01", P256.generate().getPublic());
        ledger = CustodyLedger.open(dir.resolve("custody.log"), Clock.systemUTC(), emitted::add);
        FactoryCa ca = FactoryCa.create(vault, IssuanceContract.CA, "CA", IssuanceContract.PROFILE, Clock.systemUTC());
        issuer = new MaterialIssuer(vault, ca, ledger);
        disposition = new KeyDisposition(vault, ledger, Set.of("escrowed-recipe"));
    }

    @AfterEach
    void close() {
        ledger.close();
        vault.close();
    }

    @Test
    void issuanceRecordsGenerationAndWrapOfEveryKeyWithItsCheckValueAsValidAuditRecords() {
        KeyMaterialIssued issued = issuer.issue(IssuanceContract.s3Request("kmr-1", IssuanceContract.mac(1), false));
        assertThat(emitted).extracting(AuditRecord::action).containsExactly(
                "key.generated", "key.wrapped", "key.generated", "key.wrapped", "key.generated", "key.wrapped",
                "key.generated", "key.wrapped");
        for (AuditRecord r : emitted) {
            assertThat(r.subject()).isEqualTo(IssuanceContract.mac(1).toString());
            assertThat(r.actor()).isEqualTo("hsm-signer");
            assertThat(issued.wrappedKeys()).extracting(WrappedKey::kcv).contains(r.payload().get("kcv").asText());
            CODEC.encode(CloudEvent.of("/hsm-signer", r)); // schema and chain rules hold
        }
        assertThat(emitted.get(0).payload().get("template").asText()).contains("CKA_SENSITIVE=true");
        assertThat(emitted.get(1).payload().get("stationId").asText()).isEqualTo("st-01");
        for (int i = 1; i < emitted.size(); i++) {
            assertThat(emitted.get(i).previousHash()).isEqualTo(emitted.get(i - 1).recordHash());
            assertThat(emitted.get(i).sequence()).isEqualTo(i);
        }
    }

    @Test
    void provisionedRecordsTheBurnsThenDestroysEveryCopyOnceEvenWhenRedelivered() {
        MacAddress mac = IssuanceContract.mac(2);
        KeyMaterialIssued issued = issuer.issue(IssuanceContract.s3Request("kmr-2", mac, false));
        List<String> burned = issued.wrappedKeys().stream().limit(2).map(WrappedKey::keyId).toList();
        DeviceProvisioned done = new DeviceProvisioned("job-2", mac, ChipFamily.ESP32S3, "st-01", "wo", "sensor-s3", 1,
                "kmr-2", burned, "a".repeat(64));
        emitted.clear();
        disposition.provisioned(done);
        assertThat(emitted).extracting(AuditRecord::action).filteredOn("key.burned"::equals).hasSize(2);
        assertThat(emitted).extracting(AuditRecord::action).filteredOn("key.destroyed"::equals).hasSize(4);
        assertThat(emitted.get(0).payload().get("readProtected").asBoolean()).isTrue();
        assertThat(vault.list(mac + "/")).isEmpty();
        emitted.clear();
        disposition.provisioned(done);
        assertThat(emitted).isEmpty();
    }

    @Test
    void quarantineAfterAnIrreversibleStepEscrowsAndScrapDestroys() {
        MacAddress mac = IssuanceContract.mac(3);
        issuer.issue(IssuanceContract.s3Request("kmr-3", mac, false));
        QuarantineOrdered q = new QuarantineOrdered("q-3", mac, ChipFamily.ESP32S3, "st-01", "job-3", 7,
                QuarantineReason.VERIFICATION_MISMATCH, true, "kmr-3", Map.of("step", "7"));
        emitted.clear();
        disposition.quarantined(q);
        disposition.quarantined(q);
        assertThat(emitted).extracting(AuditRecord::action).containsOnly("key.escrowed").hasSize(4);
        assertThat(emitted.get(0).payload().get("policy").asText()).isEqualTo(KeyDisposition.ESCROW_QUARANTINE);
        assertThat(vault.list(mac + "/")).hasSize(4);
        disposition.released(new QuarantineReleased("q-3", mac, Disposition.RETEST, "qe-ann", "retest"));
        assertThat(vault.list(mac + "/")).hasSize(4);
        emitted.clear();
        disposition.released(new QuarantineReleased("q-3", mac, Disposition.SCRAP, "qe-ann", "cracked module"));
        assertThat(emitted).extracting(AuditRecord::action).containsOnly("key.destroyed").hasSize(4);
        assertThat(emitted.get(0).payload().get("by").asText()).isEqualTo("qe-ann");
        assertThat(vault.list(mac + "/")).isEmpty();
    }

    @Test
    void quarantineBeforeAnyIrreversibleStepDestroysAndEscrowRecipesKeep() {
        MacAddress early = IssuanceContract.mac(4);
        issuer.issue(IssuanceContract.s3Request("kmr-4", early, false));
        disposition.quarantined(new QuarantineOrdered("q-4", early, ChipFamily.ESP32S3, "st-01", "job-4", 2,
                QuarantineReason.RETRIES_EXHAUSTED, false, "kmr-4", Map.of("step", "2")));
        assertThat(vault.list(early + "/")).isEmpty();

        MacAddress kept = IssuanceContract.mac(5);
        issuer.issue(IssuanceContract.s3Request("kmr-5", kept, false));
        emitted.clear();
        disposition.provisioned(new DeviceProvisioned("job-5", kept, ChipFamily.ESP32S3, "st-01", "wo",
                "escrowed-recipe", 1, "kmr-5", List.of(), "b".repeat(64)));
        assertThat(emitted).extracting(AuditRecord::action).containsOnly("key.escrowed").hasSize(4);
        assertThat(vault.list(kept + "/")).hasSize(4);
    }

    @Test
    void theLedgerIsAppendOnlyContinuesAfterARestartAndRefusesAnAlteredFile() throws Exception {
        issuer.issue(IssuanceContract.s3Request("kmr-6", IssuanceContract.mac(6), false));
        ledger.close();
        try (CustodyLedger again = CustodyLedger.open(dir.resolve("custody.log"), Clock.systemUTC(), r -> { })) {
            assertThat(again.size()).isEqualTo(8);
            AuditRecord next = again.append(new CustodyEvent.Escrowed(emitted.get(0).payload().has("keyLabel")
                    ? io.fuseline.hsm.vault.KeyLabel.parse(emitted.get(0).payload().get("keyLabel").asText()) : null,
                    emitted.get(0).payload().get("kcv").asText(), "test", "tester", "restart"));
            assertThat(next.sequence()).isEqualTo(8);
            assertThat(next.previousHash()).isEqualTo(emitted.get(7).recordHash());
        }
        Path file = dir.resolve("custody.log");
        Files.writeString(file, Files.readString(file).replaceFirst("st-01", "st-02"));
        assertThatThrownBy(() -> CustodyLedger.open(file, Clock.systemUTC(), r -> { }))
                .hasMessageContaining("does not verify");
        ledger = CustodyLedger.open(dir.resolve("other.log"), Clock.systemUTC(), r -> { });
    }
}
