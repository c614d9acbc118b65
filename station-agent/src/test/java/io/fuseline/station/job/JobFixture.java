package io.fuseline.station.job;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.esp.secureboot.JcaSigner;
import io.fuseline.esp.secureboot.PublicKeyDigest;
import io.fuseline.esp.secureboot.SignedImage;
import io.fuseline.schemas.envelope.EnvelopeSealer;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.envelope.StationUnwrapper;
import io.fuseline.schemas.message.FlashImage;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.StepKind;
import io.fuseline.schemas.message.StepParams;
import io.fuseline.schemas.message.UnitNvs;
import io.fuseline.schemas.message.WrappedKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A release, a station key and a job the way the orchestrator's JobPlanBuilder lays it out (writes, verifies, key
 * burn and protection, Secure Boot digest, crypt counter and enable bit, counter write-protected), for tests.
 * Also used by the service's IT.
 */
public final class JobFixture {

    /** The images of a release, by name: plaintext bytes and flash address. */
    public record Image(String name, long address, byte[] bytes) {
        public FlashImage flashImage() {
            return new FlashImage(name, JobPreflight.sha256(bytes), bytes.length);
        }
    }

    public static final KeyPair STATION = P256.generate();
    private static final KeyPair SIGNING = rsa3072();

    private JobFixture() {
    }

    public static StationUnwrapper unwrapper() {
        return new StationUnwrapper(STATION.getPrivate(), STATION.getPublic());
    }

    public static String keyDigestHex() {
        return HexFormat.of().formatHex(PublicKeyDigest.of(SIGNING.getPublic()));
    }

    /** Bootloader and app signed with the fixture's Secure Boot key, a plain partition table. */
    public static List<Image> release(ChipFamily chip, long seed) {
        Random r = new Random(seed);
        JcaSigner signer = new JcaSigner(SIGNING.getPrivate(), SIGNING.getPublic());
        byte[] boot = new byte[7000];
        byte[] table = new byte[3072];
        byte[] app = new byte[20000];
        r.nextBytes(boot);
        r.nextBytes(table);
        r.nextBytes(app);
        return List.of(new Image("bootloader", chip == ChipFamily.ESP32 ? 0x1000 : 0x0,
                        SignedImage.sign(boot, List.of(signer))),
                new Image("partition-table", 0x8000, table),
                new Image("app", 0x10000, SignedImage.sign(app, List.of(signer))));
    }

    /** Lowercase hex SHA-256, as the artifact directory names files. */
    public static String sha256(byte[] bytes) {
        return JobPreflight.sha256(bytes);
    }

    public static ImageStore store(List<Image> images) {
        Map<String, byte[]> bySha = new LinkedHashMap<>();
        images.forEach(i -> bySha.put(JobPreflight.sha256(i.bytes()), i.bytes()));
        return sha -> Optional.ofNullable(bySha.get(sha)).map(byte[]::clone);
    }

    /** The flash-encryption key wrapped for {@code station}. */
    public static WrappedKey wrap(byte[] key, KeyPurpose purpose, PublicKey station) {
        try (SecretBytes secret = SecretBytes.adopt(key.clone())) {
            String env = EnvelopeSealer.seal(secret, SecretKind.FLASH_ENCRYPTION_KEY, secret.kcv(), station)
                    .toBase64();
            return new WrappedKey("k-fe-1", SecretKind.FLASH_ENCRYPTION_KEY, purpose, secret.kcv(), env);
        }
    }

    /** An NVS key (data ‖ tweak, 64 bytes) wrapped for {@code station}. */
    public static WrappedKey wrapNvs(byte[] key, PublicKey station) {
        try (SecretBytes secret = SecretBytes.adopt(key.clone())) {
            String env = EnvelopeSealer.seal(secret, SecretKind.NVS_ENCRYPTION_KEY, secret.kcv(), station).toBase64();
            return new WrappedKey("k-nvs-1", SecretKind.NVS_ENCRYPTION_KEY, null, secret.kcv(), env);
        }
    }

    public static ProvisionJob job(String stationId, ChipFamily chip, MacAddress mac, List<Image> images,
                                   WrappedKey key) {
        return job(stationId, chip, mac, images, key, List.of());
    }

    /** A job whose {@code nvs} image (if any) is written without flash encryption; {@code extra} keys ride along. */
    public static ProvisionJob job(String stationId, ChipFamily chip, MacAddress mac, List<Image> images,
                                   WrappedKey key, List<WrappedKey> extra) {
        return job(stationId, chip, mac, images, key, extra, null);
    }

    /**
     * A v2 job when {@code nvs} is given: the unit's own nvs partition (no flash key) and nvs_keys partition (under
     * the flash key) written and verified among the release images, by address, as the orchestrator plans them.
     */
    public static ProvisionJob job(String stationId, ChipFamily chip, MacAddress mac, List<Image> images,
                                   WrappedKey key, List<WrappedKey> extra, UnitNvs nvs) {
        boolean esp32 = chip == ChipFamily.ESP32;
        String keyBlock = esp32 ? "BLOCK1" : "BLOCK_KEY0";
        String sbBlock = esp32 ? "BLOCK2" : "BLOCK_KEY1";
        String counter = esp32 ? "FLASH_CRYPT_CNT" : "SPI_BOOT_CRYPT_CNT";
        List<StepParams> targets = new ArrayList<>();
        for (Image i : images) {
            targets.add(StepParams.flash(i.address(), i.name(), i.flashImage().sha256(),
                    i.name().equals("nvs") ? null : key.keyId()));
        }
        if (nvs != null) {
            targets.add(StepParams.flash(nvs.address(), UnitNvs.PARTITION_IMAGE, nvs.digest(), null));
            if (nvs.encrypted()) {
                targets.add(StepParams.flash(nvs.keysAddress(), UnitNvs.KEYS_IMAGE, nvs.digest(), key.keyId()));
            }
            targets.sort(java.util.Comparator.comparingLong(StepParams::address));
        }
        List<JobStep> steps = new ArrayList<>();
        for (StepKind k : List.of(StepKind.WRITE_FLASH, StepKind.VERIFY_FLASH)) {
            for (StepParams p : targets) {
                add(steps, k, p);
            }
        }
        add(steps, StepKind.BURN_KEY, StepParams.key(keyBlock, key.purpose(), key.keyId()));
        add(steps, StepKind.READ_PROTECT, StepParams.protect(keyBlock));
        add(steps, StepKind.WRITE_PROTECT, StepParams.protect(keyBlock));
        add(steps, StepKind.BURN_SECURE_BOOT_DIGEST, StepParams.digest(sbBlock,
                esp32 ? KeyPurpose.ESP32_SECURE_BOOT_V2_DIGEST : KeyPurpose.SECURE_BOOT_DIGEST0, keyDigestHex()));
        add(steps, StepKind.WRITE_PROTECT, StepParams.protect(sbBlock));
        add(steps, StepKind.BURN_EFUSE, StepParams.efuse(counter, esp32 ? 0x1 : 0x7));
        add(steps, StepKind.BURN_EFUSE, StepParams.efuse(esp32 ? "ABS_DONE_1" : "SECURE_BOOT_EN", 1));
        add(steps, StepKind.WRITE_PROTECT, StepParams.protect(counter));
        return new ProvisionJob("job-" + mac.toString().replace(":", ""), mac, chip, stationId, "jig-1", "wo-1",
                "recipe-1", 1, "kmr-1", images.stream().map(Image::flashImage).toList(),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(key), extra.stream()).toList(), steps, nvs);
    }

    private static void add(List<JobStep> steps, StepKind kind, StepParams params) {
        steps.add(JobStep.of(steps.size() + 1, kind, params));
    }

    private static KeyPair rsa3072() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(3072);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
