package io.fuseline.schemas.validation;

import io.fuseline.esp.efuse.EfuseFieldCatalog;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of a job's steps, which is what keeps a unit recoverable: every reversible step before the first
 * irreversible one, each flash write verified before any fuse is burned, a protect step after the burn it protects,
 * and every secret key read-protected before the job ends (Secure Boot digests instead stay readable: the ROM reads
 * them at boot). Runs after {@link ProvisionJobValidator} has checked each step on its own.
 */
final class StepOrderRules {
    private final ProvisionJob job;
    private final RuleCheck check;
    private final EfuseFieldCatalog catalog;

    StepOrderRules(ProvisionJob job, RuleCheck check) {
        this.job = job;
        this.check = check;
        this.catalog = EfuseFieldCatalog.of(job.chip());
    }

    void validate() {
        List<JobStep> steps = job.steps();
        int firstIrreversible = -1;
        Set<String> unverifiedWrites = new HashSet<>();
        Map<String, KeyPurpose> burnedKeys = new HashMap<>();
        Set<String> burned = new HashSet<>();
        Set<String> readProtected = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            JobStep step = steps.get(i);
            String at = "/steps/" + i;
            if (step.kind().irreversible() && firstIrreversible < 0) {
                firstIrreversible = i;
                check.require(unverifiedWrites.isEmpty(), at + "/kind", "flash writes " + unverifiedWrites
                        + " are not verified before the first irreversible step");
            }
            check.require(step.kind().irreversible() || firstIrreversible < 0, at + "/kind", "reversible step "
                    + step.kind() + " comes after irreversible step " + (firstIrreversible + 1));
            String region = step.params().image() + "@" + step.params().address();
            switch (step.kind()) {
                case WRITE_FLASH -> unverifiedWrites.add(region);
                case VERIFY_FLASH -> unverifiedWrites.remove(region);
                case BURN_KEY, BURN_SECURE_BOOT_DIGEST -> {
                    String block = canonical(step.params().keyBlock());
                    check.require(burned.add(block), at + "/params/keyBlock", block + " is burned twice");
                    burnedKeys.put(block, step.params().keyPurpose());
                }
                case BURN_EFUSE -> burned.add(canonical(step.params().efuseField()));
                case READ_PROTECT, WRITE_PROTECT -> protect(step, at, burned, burnedKeys, readProtected);
            }
        }
        check.require(unverifiedWrites.isEmpty(), "/steps", "flash writes " + unverifiedWrites + " are never verified");
        for (Map.Entry<String, KeyPurpose> key : burnedKeys.entrySet()) {
            check.require(key.getValue().isSecureBootDigest() || readProtected.contains(key.getKey()), "/steps",
                    "key block " + key.getKey() + " is burned but never read-protected");
        }
    }

    private void protect(JobStep step, String at, Set<String> burned, Map<String, KeyPurpose> burnedKeys,
                         Set<String> readProtected) {
        String field = canonical(step.params().efuseField());
        String pointer = at + "/params/efuseField";
        check.require(burned.contains(field), pointer, step.kind() + " of " + field
                + " must come after the step that burns it");
        if (step.kind() == StepKind.READ_PROTECT) {
            check.require(burnedKeys.containsKey(field), pointer, "only key blocks are read-protected");
            check.require(!burnedKeys.get(field).isSecureBootDigest(), pointer,
                    "a Secure Boot digest must stay readable: the ROM verifies the bootloader with it");
            readProtected.add(field);
        }
    }

    /** espefuse aliases (KEY0 for BLOCK_KEY0) name the same field; compare by the primary name. */
    private String canonical(String name) {
        return catalog.field(name).map(f -> f.name()).orElse(name);
    }
}
