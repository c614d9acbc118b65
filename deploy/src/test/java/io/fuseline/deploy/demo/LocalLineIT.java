package io.fuseline.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fuseline.deploy.line.LineHome;
import io.fuseline.deploy.line.LineServices;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.esp.nvs.NvsEncryption;
import io.fuseline.esp.nvs.NvsEntry;
import io.fuseline.esp.nvs.NvsKeys;
import io.fuseline.esp.nvs.NvsPartitionReader;
import io.fuseline.esp.nvs.NvsValue;
import io.fuseline.orchestrator.audit.Pem;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.fuseline.schemas.message.UnitNvs;
import io.fuseline.station.sim.EfuseController;
import io.fuseline.station.sim.SimFlashKeys;
import io.fuseline.station.sim.VirtualChip;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole line, as {@code ./fuseline demo} runs it: 24 units on 4 virtual jigs of mixed chips, 4 of them with
 * faults, through the real broker, database and the three packaged services. Then the invariants, checked on the line
 * while it still runs: every unit ended as its fault calls for; every provisioned unit's eFuses hold its key,
 * read-protected, with the release's security fuses; its flash decrypts with that key, as the chip would, to exactly
 * the release images and to its own NVS (rendered entries, a certificate for its MAC signed by the factory CA and the
 * matching private key); no key was issued twice; the audit chain verifies, its checkpoints signed by the vault's audit
 * key; and no plaintext key appears in any topic, table or log of the run.
 */
@Timeout(900)
class LocalLineIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twentyFourUnitsOnFourJigsWithFaults(@TempDir Path dir) throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        StringWriter output = new StringWriter();
        List<byte[]> keys = new ArrayList<>();
        DemoReport report;
        try {
            report = DemoLine.run(new DemoLine.Options(24, 4, 4, dir.resolve("line"), false, 115200, 8192,
                    Duration.ofSeconds(180), repository, new DemoVault.Software()), new PrintWriter(output, true), false,
                    (home, services, r) -> inspect(home, services, r, keys, output));
        } finally {
            System.out.println(output);
        }
        assertThat(report.results()).hasSize(24);
        assertThat(report.passed()).as(output.toString()).isTrue();
    }

    private static void inspect(LineHome home, LineServices services, DemoReport report, List<byte[]> keys,
                                StringWriter output) throws Exception {
        assertThat(report.results()).as("every unit ends as its fault calls for")
                .allSatisfy(r -> assertThat(r.asExpected()).as(r.toString()).isTrue());
        assertThat(report.results().stream().filter(r -> r.unit().fault() != DemoFault.NONE)
                .map(r -> r.unit().fault())).contains(DemoFault.PRE_BURNED, DemoFault.DUPLICATE_MAC,
                DemoFault.BURN_DOES_NOT_STICK, DemoFault.FLAKY_CABLE);
        assertThat(report.audit().verified()).as(report.audit().report().toString()).isTrue();
        checkSignedByTheVault(home, services, report);
        assertThat(report.custody().complete()).as(report.custody().toString()).isTrue();

        List<byte[]> secrets = new ArrayList<>();
        for (UnitResult r : report.results()) {
            if (r.verdict() == UnitResult.Verdict.PROVISIONED) {
                keys.add(checkProvisioned(home, r, secrets));
            }
        }
        assertThat(keys).hasSizeGreaterThanOrEqualTo(18);
        Set<String> distinct = new HashSet<>();
        keys.forEach(k -> distinct.add(HexFormat.of().formatHex(k)));
        assertThat(distinct).as("no key issued twice").hasSize(keys.size());

        List<String> forms = new ArrayList<>();
        for (byte[] k : secrets) {
            byte[] reversed = reverse(k);
            for (byte[] form : List.of(k, reversed)) {
                forms.add(HexFormat.of().formatHex(form));
                forms.add(HexFormat.of().withUpperCase().formatHex(form));
                forms.add(Base64.getEncoder().encodeToString(form));
                forms.add(new String(form, StandardCharsets.ISO_8859_1));
            }
        }
        assertNoSecretIn("the Kafka topics", topics(services.bootstrapServers()), forms);
        assertNoSecretIn("the database", tables(services), forms);
        try (Stream<Path> logs = Files.list(home.logs())) {
            for (Path log : logs.toList()) {
                assertNoSecretIn(log.toString(), Files.readString(log, StandardCharsets.ISO_8859_1), forms);
            }
        }
        assertNoSecretIn("the demo's output", output.toString(), forms);
    }

    /**
     * The audit chain's checkpoints are the vault's: the summary verified the export with the audit key's public key
     * as the ceremony exported it from the vault; the orchestrator verifies with that same key; every stored
     * checkpoint names it and verifies with it; hsm-signer logged the signatures; and no local checkpoint key exists.
     */
    private static void checkSignedByTheVault(LineHome home, LineServices services, DemoReport report)
            throws Exception {
        PublicKey vaultKey = Pem.readPublicKey(Files.readString(home.auditPublicKey(), StandardCharsets.US_ASCII));
        assertThat(report.audit().keyId()).isEqualTo(Pem.keyId(vaultKey));
        assertThat(report.audit().report().checkpoints()).as("checkpoints in the export").isPositive();
        assertThat(Pem.readPublicKey(new OrchestratorApi(services.orchestratorUrl()).auditPublicKey()))
                .as("the key the orchestrator serves and verifies with").isEqualTo(vaultKey);
        var db = services.database();
        int checkpoints = 0;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sequence, record_hash, key_id, signature FROM audit_checkpoints")) {
            while (rs.next()) {
                checkpoints++;
                assertThat(rs.getString("key_id")).isEqualTo(Pem.keyId(vaultKey));
                assertThat(CheckpointStatement.verify(vaultKey, rs.getLong("sequence"), rs.getString("record_hash"),
                        Base64.getDecoder().decode(rs.getString("signature")))).as("checkpoint " + rs.getLong(1))
                        .isTrue();
            }
        }
        assertThat(checkpoints).isPositive();
        assertThat(Files.readString(home.logs().resolve("hsm-signer.log"), StandardCharsets.UTF_8))
                .contains("signed audit checkpoint at record", "AUDIT_CHECKPOINT/" + LineHome.AUDIT_KEY_NAME);
        try (Stream<Path> files = Files.walk(home.root())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("a local checkpoint key")
                    .noneMatch(n -> n.contains("checkpoint-key"));
        }
    }

    /** Checks one provisioned unit's eFuses and flash; returns its flash-encryption key. */
    private static byte[] checkProvisioned(LineHome home, UnitResult r, List<byte[]> secrets) throws Exception {
        VirtualChip chip = r.chip();
        EfuseController efuse = chip.efuse();
        ChipFamily family = r.unit().chip();
        String unit = r.unit().mac() + " (" + family.toolName() + ")";
        byte[] key = SimFlashKeys.flashEncryptionKey(efuse).orElseThrow(() -> new AssertionError(unit
                + " has no flash-encryption key burned"));
        int rdDis = (int) efuse.field("RD_DIS");
        if (family == ChipFamily.ESP32) {
            assertThat(efuse.field("FLASH_CRYPT_CNT")).as(unit + " FLASH_CRYPT_CNT").isEqualTo(0x7F);
            assertThat(efuse.field("ABS_DONE_1")).as(unit + " ABS_DONE_1").isEqualTo(1);
            assertThat(efuse.field("DISABLE_DL_ENCRYPT")).as(unit + " DISABLE_DL_ENCRYPT").isEqualTo(1);
            assertThat(rdDis & 1).as(unit + " BLOCK1 read-protected").isEqualTo(1);
        } else {
            assertThat(efuse.field("SPI_BOOT_CRYPT_CNT")).as(unit + " SPI_BOOT_CRYPT_CNT").isEqualTo(7);
            assertThat(efuse.field("SECURE_BOOT_EN")).as(unit + " SECURE_BOOT_EN").isEqualTo(1);
            assertThat(efuse.field("DIS_DOWNLOAD_MANUAL_ENCRYPT")).as(unit + " DIS_DOWNLOAD_MANUAL_ENCRYPT")
                    .isEqualTo(1);
            assertThat(efuse.field("KEY_PURPOSE_0")).as(unit + " KEY_PURPOSE_0 = XTS_AES_128_KEY").isEqualTo(4);
            assertThat(rdDis & 1).as(unit + " BLOCK_KEY0 read-protected").isEqualTo(1);
        }
        JsonNode recipe = JSON.readTree(home.recipes().resolve(DemoRecipe.id(family) + ".json").toFile());
        try (FlashEncryption fe = family == ChipFamily.ESP32
                ? FlashEncryption.esp32(key, (int) efuse.field("FLASH_CRYPT_CONFIG"))
                : FlashEncryption.forChip(family, key)) {
            for (JsonNode image : recipe.path("firmware").path("images")) {
                byte[] release = Files.readAllBytes(home.artifacts().resolve(image.path("sha256").asText() + ".bin"));
                long address = image.path("address").asLong();
                int padded = (release.length + 63) / 64 * 64;
                byte[] plain = fe.decrypt(address, chip.flash().read((int) address, padded));
                assertThat(sha256(java.util.Arrays.copyOf(plain, release.length)))
                        .as(unit + " flash at 0x" + Long.toHexString(address) + " decrypts to the release's "
                                + image.path("name").asText())
                        .isEqualTo(sha256(release));
            }
            checkIdentity(home, r, recipe.path("nvs"), fe, secrets);
        }
        secrets.add(key);
        return key;
    }

    /**
     * The unit's own NVS, as the unit would read it at boot: nvs_keys decrypted with the flash key, the NVS
     * decrypted with those keys, holding the rendered entries and a device certificate for this MAC that the factory
     * CA signed, with the matching private key. The NVS keys and the identity key join the secrets no log may hold.
     */
    private static void checkIdentity(LineHome home, UnitResult r, JsonNode nvs, FlashEncryption fe,
                                      List<byte[]> secrets) throws Exception {
        VirtualChip chip = r.chip();
        String unit = r.unit().mac() + " (" + r.unit().chip().toolName() + ")";
        int keysAt = nvs.path("keysAddress").asInt();
        int nvsAt = nvs.path("address").asInt();
        byte[] plainKeys = fe.decrypt(keysAt, chip.flash().read(keysAt, NvsKeys.PARTITION_SIZE));
        Map<String, NvsValue> entries = new java.util.LinkedHashMap<>();
        try (NvsKeys keys = NvsKeys.fromPartition(plainKeys)) {
            secrets.add(keys.dataKey());
            secrets.add(keys.tweakKey());
            byte[] plainNvs = NvsEncryption.decrypt(chip.flash().read(nvsAt, nvs.path("sizeBytes").asInt()), keys);
            for (NvsEntry e : NvsPartitionReader.read(plainNvs)) {
                assertThat(e.namespace()).as(unit + " NVS namespace").isEqualTo(nvs.path("namespace").asText());
                entries.put(e.key(), e.value());
            }
        }
        assertThat(entries.get("serial")).as(unit + " NVS serial").isEqualTo(new NvsValue.Text(r.unit().mac()
                .toString()));
        String pem = ((NvsValue.Text) entries.get(UnitNvs.CERTIFICATE_ENTRY)).value();
        java.security.cert.CertificateFactory x509 = java.security.cert.CertificateFactory.getInstance("X.509");
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) x509.generateCertificate(
                new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertThat(cert.getSubjectX500Principal().getName()).as(unit + " certificate subject")
                .contains("CN=" + r.unit().mac());
        cert.verify(factoryCa(home).getPublicKey());
        byte[] der = ((NvsValue.Blob) entries.get(UnitNvs.PRIVATE_KEY_ENTRY)).bytes();
        secrets.add(der);
        java.security.PrivateKey identity = java.security.KeyFactory.getInstance("EC")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        java.security.Signature sign = java.security.Signature.getInstance("SHA256withECDSA");
        sign.initSign(identity);
        sign.update(r.unit().mac().bytes());
        byte[] signature = sign.sign();
        java.security.Signature verify = java.security.Signature.getInstance("SHA256withECDSA");
        verify.initVerify(cert.getPublicKey());
        verify.update(r.unit().mac().bytes());
        assertThat(verify.verify(signature)).as(unit + " NVS private key matches its certificate").isTrue();
    }

    /** The factory CA's certificate, as the ceremony exported it. */
    private static java.security.cert.X509Certificate factoryCa(LineHome home) throws Exception {
        try (var in = Files.newInputStream(LineCeremony.caCertificateFile(home))) {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        }
    }



    private static String topics(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        StringBuilder all = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            c.listTopics(Duration.ofSeconds(10)).forEach((topic, infos) -> infos.forEach(i ->
                    partitions.add(new TopicPartition(topic, i.partition()))));
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            long records = 0;
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofSeconds(1))) {
                    records++;
                    if (r.value() != null) {
                        all.append(new String(r.value(), StandardCharsets.ISO_8859_1)).append('\n');
                    }
                    r.headers().forEach(h -> all.append(new String(h.value(), StandardCharsets.ISO_8859_1)));
                }
            }
            assertThat(records).as("records on the line's topics").isGreaterThan(500);
        }
        return all.toString();
    }

    private static String tables(LineServices services) throws Exception {
        var db = services.database();
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names).contains("custody", "devices", "audit_log");
            for (String table : names) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        all.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    private static void assertNoSecretIn(String where, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertThat(text.contains(secret)).as("a plaintext key appears in " + where).isFalse();
        }
    }

    private static String sha256(byte[] b) throws java.security.NoSuchAlgorithmException {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }
}
