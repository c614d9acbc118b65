package io.fuseline.station.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.EfuseDecoder;
import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.esp.nvs.NvsEncryption;
import io.fuseline.esp.nvs.NvsEntry;
import io.fuseline.esp.nvs.NvsKeys;
import io.fuseline.esp.nvs.NvsPartitionReader;
import io.fuseline.esp.nvs.NvsValue;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepKind;
import io.fuseline.schemas.message.UnitNvs;
import io.fuseline.schemas.message.WrappedKey;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.SimFlashKeys;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A v2 job writes the unit's own NVS partition on a virtual jig, and the unit can read it back the way ESP-IDF does:
 * the flash-encryption key burned in its eFuses decrypts the nvs_keys partition, those keys decrypt the NVS
 * partition, which holds the rendered entries, the device certificate (naming the unit's MAC) and the identity
 * private key of that certificate. An identity that is not the unit's, or a partition too small, fails before the
 * unit is touched. No key appears in events or logs.
 */
@Timeout(120)
class UnitNvsJobIT {

    private static final long NVS = 0x9000;
    private static final long NVS_SIZE = 0x6000;
    private static final long NVS_KEYS = 0xF000;

    private final List<FuselineMessage> events = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final JobLogs logs = new JobLogs();

    @ParameterizedTest
    @EnumSource(ChipFamily.class)
    void theUnitReadsItsEntriesCertificateAndIdentityKeyBackWithItsBurnedKeys(ChipFamily family) throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family));
        MacAddress mac = chip.config().mac();
        Unit u = unit(family, mac, IdentityFixture.issue(mac), NVS_SIZE);

        JobResult result = run(chip, u);

        assertThat(result).isInstanceOf(JobResult.Completed.class);
        assertEncodable(u.job());
        byte[] flashKey = SimFlashKeys.flashEncryptionKey(chip.efuse()).orElseThrow();
        assertThat(flashKey).isEqualTo(u.flashKey());
        EfuseSummary fuses = EfuseDecoder.decode(chip.efuse().snapshot());
        assertThat(fuses.flashEncryption().enabled()).isTrue();

        // As the unit boots: nvs_keys is flash-encrypted, the NVS partition is encrypted with what it holds.
        byte[] plainKeys;
        try (FlashEncryption fe = FlashEncryption.forChip(family, flashKey)) {
            plainKeys = fe.decrypt(NVS_KEYS, chip.flash().read((int) NVS_KEYS, NvsKeys.PARTITION_SIZE));
        }
        assertThat(chip.flash().read((int) NVS_KEYS, 64)).as("nvs_keys on flash is ciphertext")
                .isNotEqualTo(Arrays.copyOf(u.nvsKey(), 64));
        List<NvsEntry> entries;
        byte[] plainNvs;
        try (NvsKeys keys = NvsKeys.fromPartition(plainKeys)) {
            assertThat(keys.dataKey()).isEqualTo(Arrays.copyOf(u.nvsKey(), 32));
            assertThat(keys.tweakKey()).isEqualTo(Arrays.copyOfRange(u.nvsKey(), 32, 64));
            plainNvs = NvsEncryption.decrypt(chip.flash().read((int) NVS, (int) NVS_SIZE), keys);
            entries = NvsPartitionReader.read(plainNvs);
        }
        Map<String, NvsValue> byKey = new LinkedHashMap<>();
        entries.forEach(e -> {
            assertThat(e.namespace()).isEqualTo("fuseline");
            byKey.put(e.key(), e.value());
        });
        assertThat(byKey.keySet()).containsExactly("serial", "lot", "wo", UnitNvs.CERTIFICATE_ENTRY,
                UnitNvs.PRIVATE_KEY_ENTRY);
        assertThat(byKey.get("serial")).isEqualTo(new NvsValue.Text(mac.toString()));
        assertThat(byKey.get("lot")).isEqualTo(new NvsValue.Text("lot-7"));
        assertThat(byKey.get("wo")).isEqualTo(new NvsValue.Text("wo-1"));

        String pem = ((NvsValue.Text) byKey.get(UnitNvs.CERTIFICATE_ENTRY)).value();
        assertThat(pem).isEqualTo(u.identity().certificatePem());
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=" + mac);
        byte[] der = ((NvsValue.Blob) byKey.get(UnitNvs.PRIVATE_KEY_ENTRY)).bytes();
        assertThat(der).isEqualTo(u.identity().key().getPrivate().getEncoded());
        assertSignsFor(der, cert);

        StepCompleted nvsWrite = completed(StepKind.WRITE_FLASH, UnitNvs.PARTITION_IMAGE);
        assertThat(nvsWrite.evidence()).containsEntry("plaintextSha256", JobPreflight.sha256(plainNvs))
                .containsEntry("nvsEncrypted", "true").containsEntry("entries", "5").containsEntry("encrypted", "false");
        assertThat(completed(StepKind.WRITE_FLASH, UnitNvs.KEYS_IMAGE).evidence())
                .containsEntry("nvsKeyKcv", u.job().wrappedKeys().get(1).kcv()).containsEntry("encrypted", "true");
        assertThat(completed(StepKind.VERIFY_FLASH, UnitNvs.PARTITION_IMAGE).evidence()).containsKey("md5");
        assertNoKeyMaterial(u.flashKey(), u.nvsKey(), der);
    }

    @Test
    void aCertificateForAnotherUnitFailsBeforeTheUnitIsTouched() throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32S3));
        var before = chip.efuse().snapshot();
        MacAddress mac = chip.config().mac();
        IdentityFixture other = IdentityFixture.issue(mac).forSubject("CN=24:0a:c4:00:00:01,O=Fuseline Test Factory");
        Unit u = unit(ChipFamily.ESP32S3, mac, other, NVS_SIZE);

        JobResult result = run(chip, u);

        assertFailedUntouched(result, chip, before, FailureReason.KEY_UNWRAP_FAILED);
        assertThat(events).singleElement().isInstanceOfSatisfying(StepFailed.class, f -> {
            assertThat(f.step()).isEqualTo(stepWriting(u.job(), UnitNvs.PARTITION_IMAGE));
            assertThat(f.expected()).isEqualTo(mac.toString());
            assertThat(f.actual()).contains("24:0a:c4:00:00:01");
        });
    }

    @Test
    void anIdentityKeyThatDoesNotSignForItsCertificateFailsBeforeTheUnitIsTouched() throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32C3));
        var before = chip.efuse().snapshot();
        MacAddress mac = chip.config().mac();
        IdentityFixture swapped = IdentityFixture.issue(mac, io.fuseline.schemas.envelope.P256.generate(),
                io.fuseline.schemas.envelope.P256.generate().getPublic());

        JobResult result = run(chip, unit(ChipFamily.ESP32C3, mac, swapped, NVS_SIZE));

        assertFailedUntouched(result, chip, before, FailureReason.KEY_UNWRAP_FAILED);
        assertThat(events).singleElement().isInstanceOfSatisfying(StepFailed.class,
                f -> assertThat(f.detail()).contains("does not sign for the certified key"));
    }

    @Test
    void entriesThatDoNotFitThePartitionFailBeforeTheUnitIsTouched() throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32));
        var before = chip.efuse().snapshot();
        MacAddress mac = chip.config().mac();
        String big = "x".repeat(3000);
        Unit u = unit(ChipFamily.ESP32, mac, IdentityFixture.issue(mac), 0x3000, big, big, big);

        JobResult result = run(chip, u);

        assertFailedUntouched(result, chip, before, FailureReason.INTERNAL);
        assertThat(events).singleElement().isInstanceOfSatisfying(StepFailed.class,
                f -> assertThat(f.detail()).contains("cannot be built"));
    }

    /** One unit's job with its secrets in the clear, as the test (and only the test) knows them. */
    private record Unit(ProvisionJob job, List<JobFixture.Image> release, byte[] flashKey, byte[] nvsKey,
                        IdentityFixture identity) {
    }

    private static Unit unit(ChipFamily family, MacAddress mac, IdentityFixture identity, long nvsSize,
                             String... bigValues) {
        Random r = new Random(mac.hashCode());
        byte[] flashKey = new byte[32];
        byte[] nvsKey = new byte[64];
        r.nextBytes(flashKey);
        r.nextBytes(nvsKey);
        KeyPurpose purpose = family == ChipFamily.ESP32 ? KeyPurpose.ESP32_FLASH_ENCRYPTION
                : KeyPurpose.XTS_AES_128_KEY;
        List<UnitNvs.Entry> entries = new ArrayList<>(List.of(new UnitNvs.Entry("serial", mac.toString()),
                new UnitNvs.Entry("lot", "lot-7"), new UnitNvs.Entry("wo", "wo-1")));
        for (int i = 0; i < bigValues.length; i++) {
            entries.add(new UnitNvs.Entry("big" + i, bigValues[i]));
        }
        UnitNvs nvs = new UnitNvs(NVS, nvsSize, NVS_KEYS, "fuseline", entries, identity.certificatePem());
        List<WrappedKey> extra = List.of(JobFixture.wrapNvs(nvsKey, JobFixture.STATION.getPublic()),
                identity.wrapped());
        // Signatures are salted: the release is built once, for the job and for the station's store.
        List<JobFixture.Image> release = JobFixture.release(family, 31);
        ProvisionJob job = JobFixture.job("st-01", family, mac, release,
                JobFixture.wrap(flashKey, purpose, JobFixture.STATION.getPublic()), extra, nvs);
        return new Unit(job, release, flashKey, nvsKey, identity);
    }

    private JobResult run(VirtualChip chip, Unit unit) throws Exception {
        ProvisionJob job = unit.job();
        JobExecutor executor = new JobExecutor(JobFixture.unwrapper(), JobFixture.store(unit.release()), events::add,
                StepObserver.NONE, JobSettings.defaults());
        try (VirtualJigServer jig = VirtualJigServer.start(chip, 0);
             RomLoader loader = new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)),
                     LoaderSettings.defaults())) {
            loader.connect();
            return executor.execute(job, loader);
        }
    }

    private void assertFailedUntouched(JobResult result, VirtualChip chip, Object efuseBefore, FailureReason reason) {
        assertThat(result).isInstanceOfSatisfying(JobResult.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(reason);
            assertThat(f.irreversibleRan()).isFalse();
        });
        byte[] erased = new byte[0x20000];
        Arrays.fill(erased, (byte) 0xFF);
        assertThat(chip.flash().read(0, erased.length)).isEqualTo(erased);
        assertThat(chip.efuse().snapshot()).isEqualTo(efuseBefore);
        assertEncodable(null);
    }

    private StepCompleted completed(StepKind kind, String image) {
        return events.stream().filter(StepCompleted.class::isInstance).map(StepCompleted.class::cast)
                .filter(c -> c.kind() == kind && image.equals(c.evidence().get("image"))).findFirst().orElseThrow();
    }

    private static int stepWriting(ProvisionJob job, String image) {
        return job.steps().stream().filter(s -> image.equals(s.params().image())).findFirst().orElseThrow().number();
    }

    /** The job (v2) and every event pass the contract, as the Kafka producers encode them. */
    private void assertEncodable(ProvisionJob job) {
        CloudEventCodec codec = new CloudEventCodec();
        if (job != null) {
            var encoded = codec.encode(CloudEvent.of("/fuseline/orchestrator", job));
            assertThat(new String(encoded.headers().get("ce_type"), StandardCharsets.UTF_8))
                    .isEqualTo("io.fuseline.job.provision.v2");
            assertThat(codec.decode(encoded).data()).isEqualTo(job);
        }
        for (FuselineMessage m : events) {
            var encoded = codec.encode(CloudEvent.of("/fuseline/station/st-01", m));
            assertThat(codec.decode(encoded).data()).isEqualTo(m);
        }
    }

    private void assertNoKeyMaterial(byte[]... secrets) {
        CloudEventCodec codec = new CloudEventCodec();
        List<String> texts = logs.lines();
        for (FuselineMessage m : events) {
            texts.add(m.toString());
            texts.add(new String(codec.encode(CloudEvent.of("/fuseline/station/st-01", m)).data(),
                    StandardCharsets.UTF_8));
        }
        assertThat(logs.lines()).isNotEmpty();
        for (byte[] secret : secrets) {
            List<String> forms = List.of(HexFormat.of().formatHex(secret), Base64.getEncoder().encodeToString(secret),
                    HexFormat.of().formatHex(secret, 0, 8), HexFormat.of().formatHex(secret, secret.length - 8,
                            secret.length));
            for (String t : texts) {
                for (String f : forms) {
                    assertThat(t.toLowerCase()).doesNotContain(f.toLowerCase());
                }
            }
        }
    }

    private static void assertSignsFor(byte[] pkcs8, X509Certificate cert) throws Exception {
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        byte[] challenge = "boot-time TLS handshake".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(challenge);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(cert.getPublicKey());
        v.update(challenge);
        assertThat(v.verify(sig)).as("the identity key pairs with the certificate's public key").isTrue();
    }
}
