package io.fuseline.schemas.validation;

import io.fuseline.esp.efuse.EfuseField;
import io.fuseline.schemas.message.FlashImage;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.StepParams;
import io.fuseline.schemas.message.WrappedKey;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * ProvisionJob, step by step: numbering, the irreversible flag, the parameters each kind takes, and that every name
 * a step uses (image, key, eFuse field) exists. A v2 job's own NVS partition is {@link UnitNvsRules}' job, the order
 * between steps {@link StepOrderRules}'.
 */
final class ProvisionJobValidator implements MessageValidator<ProvisionJob> {
    /** esptool writes whole 4 KiB sectors; a write elsewhere would erase data before it. */
    private static final long SECTOR_BYTES = 0x1000;

    @Override
    public void validate(ProvisionJob job, RuleCheck check) {
        check.unicastMac(job.mac(), "/mac");
        Map<String, FlashImage> images = new LinkedHashMap<>();
        for (int i = 0; i < job.images().size(); i++) {
            FlashImage image = job.images().get(i);
            check.sha256(image.sha256(), "/images/" + i + "/sha256");
            check.require(images.putIfAbsent(image.name(), image) == null, "/images/" + i + "/name",
                    "image '" + image.name() + "' is listed twice");
        }
        SecretRules.wrappedKeys(job.wrappedKeys(), job.chip(), "/wrappedKeys", check);
        Map<String, WrappedKey> keys = new LinkedHashMap<>();
        job.wrappedKeys().forEach(k -> keys.put(k.keyId(), k));
        if (job.nvs() != null) {
            new UnitNvsRules(job, check).validate(keys);
        }
        for (int i = 0; i < job.steps().size(); i++) {
            step(job, job.steps().get(i), "/steps/" + i, i + 1, images, keys, check);
        }
        new StepOrderRules(job, check).validate();
    }

    private void step(ProvisionJob job, JobStep step, String at, int expectedNumber, Map<String, FlashImage> images,
                      Map<String, WrappedKey> keys, RuleCheck check) {
        check.require(step.number() == expectedNumber, at + "/number",
                "steps are numbered 1..n in order: expected " + expectedNumber + " but was " + step.number());
        check.require(step.irreversible() == step.kind().irreversible(), at + "/irreversible",
                "must be " + step.kind().irreversible() + " for a " + step.kind() + " step");
        StepParams p = step.params();
        Set<String> allowed = new HashSet<>(step.kind().requiredParams());
        allowed.addAll(step.kind().optionalParams());
        for (String name : p.present()) {
            check.require(allowed.contains(name), at + "/params/" + name, "is not a parameter of " + step.kind());
        }
        for (String name : step.kind().requiredParams()) {
            check.require(p.present().contains(name), at + "/params/" + name, "is required for " + step.kind());
        }
        String params = at + "/params";
        switch (step.kind()) {
            case WRITE_FLASH, VERIFY_FLASH -> {
                check.require(p.address() % SECTOR_BYTES == 0, params + "/address", "must be 4 KiB aligned");
                if (UnitNvsRules.isUnitPartition(job, p.image())) {
                    new UnitNvsRules(job, check).flashStep(p, params, keys);
                    return;
                }
                FlashImage image = images.get(p.image());
                check.require(image != null, params + "/image", "names no image of the job");
                check.require(image.sha256().equals(p.imageDigest()), params + "/imageDigest",
                        "differs from the digest of image '" + p.image() + "'");
                if (p.keyId() != null) {
                    WrappedKey key = keys.get(p.keyId());
                    check.require(key != null && key.kind() == SecretKind.FLASH_ENCRYPTION_KEY, params + "/keyId",
                            "must name a FLASH_ENCRYPTION_KEY of the job");
                }
            }
            case BURN_KEY -> {
                EfuseField block = check.efuseField(job.chip(), p.keyBlock(), params + "/keyBlock");
                check.require(block.bitLength() >= DeviceIdentifiedValidator.KEY_BLOCK_MIN_BITS,
                        params + "/keyBlock", p.keyBlock() + " is not a key block");
                check.purposeOn(job.chip(), p.keyPurpose(), params + "/keyPurpose");
                check.require(!p.keyPurpose().isSecureBootDigest(), params + "/keyPurpose",
                        "a Secure Boot digest is burned by a BURN_SECURE_BOOT_DIGEST step");
                WrappedKey key = keys.get(p.keyId());
                check.require(key != null, params + "/keyId", "names no wrapped key of the job");
                check.require(p.keyPurpose() == key.purpose(), params + "/keyPurpose",
                        "differs from the purpose of key '" + p.keyId() + "'");
            }
            case BURN_SECURE_BOOT_DIGEST -> {
                EfuseField block = check.efuseField(job.chip(), p.keyBlock(), params + "/keyBlock");
                check.require(block.bitLength() >= DeviceIdentifiedValidator.KEY_BLOCK_MIN_BITS,
                        params + "/keyBlock", p.keyBlock() + " is not a key block");
                check.purposeOn(job.chip(), p.keyPurpose(), params + "/keyPurpose");
                check.require(p.keyPurpose().isSecureBootDigest(), params + "/keyPurpose",
                        "is not a Secure Boot digest purpose");
                check.sha256(p.keyDigest(), params + "/keyDigest");
            }
            case BURN_EFUSE -> {
                EfuseField field = check.efuseField(job.chip(), p.efuseField(), params + "/efuseField");
                check.require(field.bitLength() < DeviceIdentifiedValidator.KEY_BLOCK_MIN_BITS,
                        params + "/efuseField", "key blocks are burned by BURN_KEY steps");
                check.require(p.efuseValue() > 0, params + "/efuseValue", "burning 0 changes nothing");
                check.require(field.bitLength() >= 63 || p.efuseValue() < (1L << field.bitLength()),
                        params + "/efuseValue", "does not fit the " + field.bitLength() + " bits of " + field.name());
            }
            case READ_PROTECT, WRITE_PROTECT -> check.efuseField(job.chip(), p.efuseField(), params + "/efuseField");
        }
    }
}
