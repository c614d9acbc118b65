package io.fuseline.orchestrator.recipe;

import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.schemas.message.FlashImage;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.SecretSpec;
import io.fuseline.schemas.message.StepKind;
import io.fuseline.schemas.message.StepParams;
import io.fuseline.schemas.message.UnitNvs;
import io.fuseline.schemas.message.WrappedKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a recipe and a unit's wrapped keys into the steps of its job, in the only safe order: every flash write (the
 * release images and the unit's own {@code nvs} and {@code nvs_keys} partitions, by address), then every read-back
 * verification (all reversible), then the irreversible steps, each of which the station verifies by read-back before
 * the next: flash-encryption key(s) burned, read- and write-protected; the Secure Boot digest burned and
 * write-protected (it must stay readable); the flash-crypt counter and the profile's eFuses burned; write protection
 * last. The schemas' ProvisionJob validator checks the same order on every job sent.
 */
public final class JobPlanBuilder {

    /** The secrets to ask the vault for: the flash-encryption key(s), the NVS key and the identity key as needed. */
    public List<SecretSpec> secrets(Recipe recipe) {
        List<SecretSpec> secrets = new ArrayList<>();
        for (KeyPurpose p : flashPurposes(recipe)) {
            secrets.add(new SecretSpec(SecretKind.FLASH_ENCRYPTION_KEY, p));
        }
        if (recipe.nvs() != null && recipe.nvs().encrypted()) {
            secrets.add(new SecretSpec(SecretKind.NVS_ENCRYPTION_KEY, null));
        }
        if (recipe.deviceIdentity()) {
            secrets.add(new SecretSpec(SecretKind.DEVICE_IDENTITY_KEY, null));
        }
        return secrets;
    }

    /** The release images; the unit's own NVS partitions are not among them (see {@link #nvs}). */
    public List<FlashImage> images(Recipe recipe) {
        return sortedImages(recipe).stream().map(i -> new FlashImage(i.name(), i.sha256(), i.sizeBytes())).toList();
    }

    /**
     * The unit's own NVS partition, rendered from the recipe's template; null when the recipe has none.
     *
     * @param certificatePem the device certificate the vault issued with the unit's keys (null if none was)
     * @throws IllegalArgumentException if the recipe issues an identity but no certificate came with the keys, or a
     *                                  placeholder has no value for the unit
     */
    public UnitNvs nvs(Recipe recipe, NvsRenderer.UnitFacts unit, String certificatePem) {
        if (recipe.nvs() == null) {
            return null;
        }
        if (recipe.deviceIdentity() && certificatePem == null) {
            throw new IllegalArgumentException("unit " + unit.mac() + ": recipe " + recipe.id() + " writes a device "
                    + "identity, but no device certificate came with the unit's keys");
        }
        return NvsRenderer.render(recipe.nvs(), unit, recipe.deviceIdentity() ? certificatePem : null);
    }

    /**
     * The ordered steps.
     *
     * @param nvs the unit's own NVS partition ({@link #nvs}), null exactly when the recipe has no {@code nvs}
     * @throws IllegalArgumentException if {@code keys} lacks a flash-encryption key the recipe needs (the vault
     *                                  answered another request), or {@code nvs} does not go with the recipe
     */
    public List<JobStep> steps(Recipe recipe, List<WrappedKey> keys, UnitNvs nvs) {
        if ((recipe.nvs() == null) != (nvs == null)) {
            throw new IllegalArgumentException("recipe " + recipe.id() + (nvs == null ? " renders an NVS partition "
                    + "per unit, but none was given" : " has no NVS template, but a partition was given"));
        }
        List<KeyPurpose> purposes = flashPurposes(recipe);
        List<WrappedKey> flashKeys = purposes.stream().map(p -> keyFor(keys, p)).toList();
        String encryptWith = flashKeys.get(0).keyId();
        Steps steps = new Steps();
        List<StepParams> writes = flashTargets(recipe, nvs, encryptWith);
        for (StepParams p : writes) {
            steps.add(StepKind.WRITE_FLASH, p);
        }
        for (StepParams p : writes) {
            steps.add(StepKind.VERIFY_FLASH, p);
        }
        for (int k = 0; k < flashKeys.size(); k++) {
            String block = recipe.flashEncryption().keyBlocks().get(k);
            steps.add(StepKind.BURN_KEY, StepParams.key(block, purposes.get(k), flashKeys.get(k).keyId()));
            steps.add(StepKind.READ_PROTECT, StepParams.protect(block));
            steps.add(StepKind.WRITE_PROTECT, StepParams.protect(block));
        }
        ChipSecurity security = ChipSecurity.of(recipe.chip());
        if (recipe.secureBoot() != null) {
            String block = recipe.secureBoot().keyBlock();
            steps.add(StepKind.BURN_SECURE_BOOT_DIGEST,
                    StepParams.digest(block, security.secureBootPurpose(), recipe.secureBoot().keyDigest()));
            steps.add(StepKind.WRITE_PROTECT, StepParams.protect(block));
        }
        steps.add(StepKind.BURN_EFUSE,
                StepParams.efuse(security.cryptCounter(), security.cryptCounterValue(recipe.profile())));
        for (Recipe.EfuseSetting e : recipe.efuses()) {
            steps.add(StepKind.BURN_EFUSE, StepParams.efuse(e.field(), e.value()));
        }
        if (recipe.profile() == Recipe.SecurityProfile.RELEASE) {
            // Release freezes the counter: without WR_DIS a later burn could still flip encryption off.
            steps.add(StepKind.WRITE_PROTECT, StepParams.protect(security.cryptCounter()));
        }
        for (Recipe.EfuseSetting e : recipe.efuses()) {
            if (e.writeProtect()) {
                steps.add(StepKind.WRITE_PROTECT, StepParams.protect(e.field()));
            }
        }
        return steps.list;
    }

    /** The ids of the keys the plan burns into key blocks, as DeviceProvisioned reports them. */
    public List<String> burnedKeyIds(Recipe recipe, List<WrappedKey> keys) {
        return flashPurposes(recipe).stream().map(p -> keyFor(keys, p).keyId()).toList();
    }

    private static List<KeyPurpose> flashPurposes(Recipe recipe) {
        return ChipSecurity.of(recipe.chip()).flashKeyPurposes().get(recipe.flashEncryption().keySizeBits());
    }

    private static WrappedKey keyFor(List<WrappedKey> keys, KeyPurpose purpose) {
        return keys.stream().filter(k -> k.kind() == SecretKind.FLASH_ENCRYPTION_KEY && k.purpose() == purpose)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "the issued key material has no FLASH_ENCRYPTION_KEY for purpose " + purpose));
    }

    /**
     * What the job writes, by address: the release images (under the flash key unless marked unencrypted), the nvs
     * partition (NVS-encrypted by the station, never flash-encrypted: ESP-IDF would not mount it) and the nvs_keys
     * partition (flash-encrypted, as ESP-IDF requires). Both per-unit partitions are named by the description's
     * digest: their bytes hold keys only the station sees.
     */
    private static List<StepParams> flashTargets(Recipe recipe, UnitNvs nvs, String keyId) {
        List<StepParams> targets = new ArrayList<>();
        for (Recipe.Image i : recipe.firmware().images()) {
            targets.add(StepParams.flash(i.address(), i.name(), i.sha256(), i.encrypted() ? keyId : null));
        }
        if (nvs != null) {
            targets.add(StepParams.flash(nvs.address(), UnitNvs.PARTITION_IMAGE, nvs.digest(), null));
            if (nvs.encrypted()) {
                targets.add(StepParams.flash(nvs.keysAddress(), UnitNvs.KEYS_IMAGE, nvs.digest(), keyId));
            }
        }
        targets.sort(Comparator.comparingLong(StepParams::address));
        return targets;
    }

    private static List<Recipe.Image> sortedImages(Recipe recipe) {
        return recipe.firmware().images().stream().sorted(Comparator.comparingLong(Recipe.Image::address)).toList();
    }

    /** Numbers steps 1..n in the order they are added. */
    private static final class Steps {
        private final List<JobStep> list = new ArrayList<>();

        void add(StepKind kind, StepParams params) {
            list.add(JobStep.of(list.size() + 1, kind, params));
        }
    }
}
