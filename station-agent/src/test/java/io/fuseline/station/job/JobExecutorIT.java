package io.fuseline.station.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseDecoder;
import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.FuseBurned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepKind;
import io.fuseline.schemas.message.StepStarted;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.sim.Fault;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The job executor against virtual jigs over loopback TCP: full jobs on ESP32 and ESP32-S3 leave the key burned and
 * read-protected and the flash decrypting to the release; pre-checks fail before the unit is touched; a flash fault
 * fails retriably before any burn; a burn that does not stick fails fatally; no key bytes in events or logs.
 */
@Timeout(120)
class JobExecutorIT {

    private final List<FuselineMessage> events = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final JobLogs logs = new JobLogs();

    @ParameterizedTest
    @EnumSource(value = ChipFamily.class, names = {"ESP32", "ESP32S3"})
    void aFullJobBurnsTheKeyReadProtectedAndTheFlashDecryptsToTheRelease(ChipFamily family) throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family));
        byte[] key = randomKey(7);
        KeyPurpose purpose = family == ChipFamily.ESP32 ? KeyPurpose.ESP32_FLASH_ENCRYPTION
                : KeyPurpose.XTS_AES_128_KEY;
        List<JobFixture.Image> images = JobFixture.release(family, 1);
        ProvisionJob job = JobFixture.job("st-01", family, chip.config().mac(), images,
                JobFixture.wrap(key, purpose, JobFixture.STATION.getPublic()));

        JobResult result = run(chip, job, images);

        assertThat(result).isInstanceOf(JobResult.Completed.class);
        int keyBlock = family == ChipFamily.ESP32 ? 1 : 4;
        assertThat(littleEndian(chip.efuse().hardwareWords(keyBlock))).isEqualTo(reversed(key));
        EfuseSummary fuses = EfuseDecoder.decode(chip.efuse().snapshot());
        assertThat(fuses.block(keyBlock).readProtected()).isTrue();
        assertThat(fuses.block(keyBlock).writeProtected()).isTrue();
        assertThat(fuses.block(keyBlock).readsEmpty()).isTrue();
        assertThat(fuses.flashEncryption().enabled()).isTrue();
        assertThat(fuses.secureBoot().v2Enabled()).isTrue();
        try (FlashEncryption fe = FlashEncryption.forChip(family, key)) {
            for (JobFixture.Image i : images) {
                int padded = (i.bytes().length + 15) / 16 * 16;
                byte[] onFlash = chip.flash().read((int) i.address(), padded);
                assertThat(Arrays.copyOf(fe.decrypt(i.address(), onFlash), i.bytes().length)).as(i.name())
                        .isEqualTo(i.bytes());
            }
        }
        assertCompleteAndOrdered(job);
        assertThat(events).filteredOn(FuseBurned.class::isInstance).map(FuseBurned.class::cast)
                .anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo(family == ChipFamily.ESP32 ? "BLOCK1" : "BLOCK_KEY0");
                    assertThat(f.kcv()).isEqualTo(job.wrappedKeys().get(0).kcv());
                    assertThat(f.before()).isNull();
                })
                .anySatisfy(f -> assertThat(f.field()).isEqualTo("RD_DIS"));
        assertNoKeyMaterial(key);
    }

    @Test
    void theNvsImageIsWrittenUnderTheUnitsNvsKey() throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32S3));
        byte[] key = randomKey(12);
        byte[] nvsKey = new byte[64];
        new Random(13).nextBytes(nvsKey);
        byte[] nvs = new byte[8192];
        new Random(14).nextBytes(nvs);
        nvs[0] = (byte) 0xFE; // page 0: active, so its entries are encrypted
        List<JobFixture.Image> images = new ArrayList<>(JobFixture.release(ChipFamily.ESP32S3, 6));
        images.add(2, new JobFixture.Image("nvs", 0x9000, nvs));
        ProvisionJob job = JobFixture.job("st-01", ChipFamily.ESP32S3, chip.config().mac(), images,
                JobFixture.wrap(key, KeyPurpose.XTS_AES_128_KEY, JobFixture.STATION.getPublic()),
                List.of(JobFixture.wrapNvs(nvsKey, JobFixture.STATION.getPublic())));

        assertThat(run(chip, job, images)).isInstanceOf(JobResult.Completed.class);
        byte[] onFlash = chip.flash().read(0x9000, nvs.length);
        assertThat(onFlash).isNotEqualTo(nvs);
        try (var keys = io.fuseline.esp.nvs.NvsKeys.of(Arrays.copyOf(nvsKey, 32), Arrays.copyOfRange(nvsKey, 32, 64))) {
            assertThat(io.fuseline.esp.nvs.NvsEncryption.decrypt(onFlash, keys)).isEqualTo(nvs);
        }
        assertNoKeyMaterial(nvsKey);
    }

    @Test
    void aDigestMismatchFailsBeforeAnythingIsWritten() throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32S3));
        var before = chip.efuse().snapshot();
        byte[] key = randomKey(8);
        List<JobFixture.Image> images = JobFixture.release(ChipFamily.ESP32S3, 2);
        ProvisionJob job = JobFixture.job("st-01", ChipFamily.ESP32S3, chip.config().mac(), images,
                JobFixture.wrap(key, KeyPurpose.XTS_AES_128_KEY, JobFixture.STATION.getPublic()));
        List<JobFixture.Image> tampered = new ArrayList<>(images);
        byte[] app = images.get(2).bytes().clone();
        app[100] ^= 1;
        String sha = job.images().get(2).sha256();
        ImageStore store = s -> s.equals(sha) ? java.util.Optional.of(app)
                : JobFixture.store(tampered).fetch(s);

        JobResult result = run(chip, job, store);

        assertThat(result).isInstanceOfSatisfying(JobResult.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.DIGEST_MISMATCH);
            assertThat(f.irreversibleRan()).isFalse();
        });
        assertThat(events).singleElement().isInstanceOfSatisfying(StepFailed.class, f -> {
            assertThat(f.kind()).isEqualTo(StepKind.WRITE_FLASH);
            assertThat(f.expected()).isEqualTo(sha);
            assertThat(f.actual()).isEqualTo(JobPreflight.sha256(app));
        });
        byte[] erased = new byte[0x20000];
        Arrays.fill(erased, (byte) 0xFF);
        assertThat(chip.flash().read(0, erased.length)).isEqualTo(erased);
        assertThat(chip.efuse().snapshot()).isEqualTo(before);
        assertEncodable();
    }

    @Test
    void aPersistentFlashWriteFaultFailsRetriablyBeforeAnyBurn() throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32)
                .withFaults(List.of(new Fault.FlashWriteError(3, 1000))));
        var before = chip.efuse().snapshot();
        byte[] key = randomKey(9);
        List<JobFixture.Image> images = JobFixture.release(ChipFamily.ESP32, 3);
        ProvisionJob job = JobFixture.job("st-01", ChipFamily.ESP32, chip.config().mac(), images,
                JobFixture.wrap(key, KeyPurpose.ESP32_FLASH_ENCRYPTION, JobFixture.STATION.getPublic()));

        JobResult result = run(chip, job, images);

        assertThat(result).isInstanceOfSatisfying(JobResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(StepKind.WRITE_FLASH);
            assertThat(f.reason().retriable()).isTrue();
            assertThat(f.quarantine()).isFalse();
        });
        assertThat(events).last().isInstanceOfSatisfying(StepFailed.class, f -> assertThat(f.retriable()).isTrue());
        assertThat(events).noneMatch(FuseBurned.class::isInstance);
        assertThat(chip.efuse().snapshot()).isEqualTo(before);
        assertEncodable();
    }

    @Test
    void aTransientFlashWriteFaultIsRetriedAndTheJobCompletes() throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32S3)
                .withFaults(List.of(new Fault.FlashWriteError(2, 1))));
        List<JobFixture.Image> images = JobFixture.release(ChipFamily.ESP32S3, 4);
        ProvisionJob job = JobFixture.job("st-01", ChipFamily.ESP32S3, chip.config().mac(), images,
                JobFixture.wrap(randomKey(10), KeyPurpose.XTS_AES_128_KEY, JobFixture.STATION.getPublic()));

        assertThat(run(chip, job, images)).isInstanceOf(JobResult.Completed.class);
        assertThat(events).filteredOn(StepCompleted.class::isInstance).map(StepCompleted.class::cast)
                .anySatisfy(c -> assertThat(c.evidence().get("retries")).isEqualTo("1"));
    }

    @Test
    void aBurnThatDoesNotStickFailsFatally() throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32S3)
                .withFaults(List.of(new Fault.BurnDoesNotStick())));
        byte[] key = randomKey(11);
        List<JobFixture.Image> images = JobFixture.release(ChipFamily.ESP32S3, 5);
        ProvisionJob job = JobFixture.job("st-01", ChipFamily.ESP32S3, chip.config().mac(), images,
                JobFixture.wrap(key, KeyPurpose.XTS_AES_128_KEY, JobFixture.STATION.getPublic()));

        JobResult result = run(chip, job, images);

        assertThat(result).isInstanceOfSatisfying(JobResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(StepKind.BURN_KEY);
            assertThat(f.reason()).isEqualTo(FailureReason.EFUSE_BURN_NOT_VERIFIED);
            assertThat(f.quarantine()).isTrue();
        });
        assertThat(events).last().isInstanceOfSatisfying(StepFailed.class, f -> {
            assertThat(f.retriable()).isFalse();
            assertThat(f.expected()).startsWith("kcv ");
            assertThat(f.actual()).startsWith("kcv ");
        });
        assertNoKeyMaterial(key);
    }

    private JobResult run(VirtualChip chip, ProvisionJob job, List<JobFixture.Image> images) throws Exception {
        return run(chip, job, JobFixture.store(images));
    }

    private JobResult run(VirtualChip chip, ProvisionJob job, ImageStore store) throws Exception {
        JobExecutor executor = new JobExecutor(JobFixture.unwrapper(), store, events::add, StepObserver.NONE,
                JobSettings.defaults());
        try (VirtualJigServer jig = VirtualJigServer.start(chip, 0);
             RomLoader loader = new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)),
                     LoaderSettings.defaults())) {
            loader.connect();
            return executor.execute(job, loader);
        }
    }

    private void assertCompleteAndOrdered(ProvisionJob job) {
        List<Integer> started = new ArrayList<>();
        List<Integer> completed = new ArrayList<>();
        int current = 0;
        for (FuselineMessage m : events) {
            if (m instanceof StepStarted s) {
                assertThat(s.step()).isEqualTo(current + 1);
                current = s.step();
                started.add(s.step());
            } else if (m instanceof StepCompleted c) {
                assertThat(c.step()).isEqualTo(current);
                completed.add(c.step());
            } else if (m instanceof FuseBurned f) {
                assertThat(f.step()).isEqualTo(current);
                assertThat(job.steps().get(current - 1).irreversible()).isTrue();
            } else {
                throw new AssertionError("unexpected event " + m);
            }
        }
        List<Integer> all = job.steps().stream().map(s -> s.number()).toList();
        assertThat(started).containsExactlyElementsOf(all);
        assertThat(completed).containsExactlyElementsOf(all);
        assertThat(events).filteredOn(StepCompleted.class::isInstance).map(StepCompleted.class::cast)
                .filteredOn(c -> c.kind() == StepKind.VERIFY_FLASH)
                .allSatisfy(c -> assertThat(c.evidence()).containsKey("md5"));
        assertEncodable();
    }

    /** Every event passes the contract (schema and message rules), as the Kafka sink will encode it. */
    private void assertEncodable() {
        CloudEventCodec codec = new CloudEventCodec();
        for (FuselineMessage m : events) {
            var encoded = codec.encode(CloudEvent.of("/fuseline/station/st-01", m));
            assertThat(codec.decode(encoded).data()).isEqualTo(m);
        }
    }

    private void assertNoKeyMaterial(byte[] key) {
        CloudEventCodec codec = new CloudEventCodec();
        List<String> forms = List.of(HexFormat.of().formatHex(key), HexFormat.of().formatHex(reversed(key)),
                Base64.getEncoder().encodeToString(key), HexFormat.of().formatHex(key, 0, 8));
        List<String> texts = logs.lines();
        for (FuselineMessage m : events) {
            texts.add(m.toString());
            texts.add(new String(codec.encode(CloudEvent.of("/fuseline/station/st-01", m)).data(),
                    StandardCharsets.UTF_8));
        }
        assertThat(logs.lines()).isNotEmpty();
        for (String t : texts) {
            for (String f : forms) {
                assertThat(t.toLowerCase()).doesNotContain(f.toLowerCase());
            }
        }
    }

    private static byte[] randomKey(long seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return k;
    }

    private static byte[] littleEndian(int[] words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }

    private static byte[] reversed(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
