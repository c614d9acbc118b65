package io.fuseline.hsm.custody;

import io.fuseline.hsm.material.MaterialIssuer;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultKey;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.Disposition;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReleased;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a device's key copies in the vault once the orchestrator has decided about the unit
 * (docs/key-policy.md, "After use"):
 * <ul>
 *   <li>{@link DeviceProvisioned}: each burned key is recorded as burned (read-protected), then every key of the
 *       device is destroyed ({@value #DESTROY_AFTER_BURN}), or escrowed ({@value #ESCROW_BY_RECIPE}) when the
 *       unit's recipe is in the escrow list;</li>
 *   <li>{@link QuarantineOrdered}: the keys may already be in the chip once an irreversible step ran, so they are
 *       escrowed ({@value #ESCROW_QUARANTINE}) for failure analysis; before that they are destroyed
 *       ({@value #DESTROY_UNUSED});</li>
 *   <li>{@link QuarantineReleased}: SCRAP destroys the escrowed keys ({@value #DESTROY_SCRAPPED}); RETEST and REWORK
 *       keep them (a re-provisioning request follows).</li>
 * </ul>
 * Idempotent: a redelivered message finds destroyed keys gone and escrowed keys already recorded as escrowed, and
 * records nothing twice. Destroying is irreversible. Thread-safe if the vault and the ledger are.
 */
public final class KeyDisposition {
    public static final String DESTROY_AFTER_BURN = "destroy-after-burn";
    public static final String ESCROW_BY_RECIPE = "escrow-by-recipe";
    public static final String ESCROW_QUARANTINE = "escrow-quarantined";
    public static final String DESTROY_UNUSED = "destroy-unused";
    public static final String DESTROY_SCRAPPED = "destroy-scrapped";
    private static final Logger LOG = LoggerFactory.getLogger(KeyDisposition.class);
    private static final String ORCHESTRATOR = "orchestrator";

    private final KeyVault vault;
    private final CustodyLedger ledger;
    private final Set<String> escrowRecipes;

    /** @param escrowRecipes recipe ids whose device keys are escrowed rather than destroyed after provisioning */
    public KeyDisposition(KeyVault vault, CustodyLedger ledger, Set<String> escrowRecipes) {
        this.vault = vault;
        this.ledger = ledger;
        this.escrowRecipes = Set.copyOf(escrowRecipes);
    }

    /** The unit is done: burned keys recorded, then all its key copies destroyed or escrowed by recipe. */
    public void provisioned(DeviceProvisioned done) {
        boolean escrow = escrowRecipes.contains(done.recipeId());
        String reason = "job " + done.jobId() + " provisioned (audit head " + done.auditHead() + ")";
        for (VaultKey key : keysOf(done.mac().toString())) {
            if (done.burnedKeyIds().contains(MaterialIssuer.keyIdOf(key.label())) && !"key.burned".equals(last(key))
                    && !isEscrowed(key)) {
                ledger.record(new CustodyEvent.Burned(key.label(), key.kcv(), done.mac().toString(), done.jobId(),
                        purposeOf(key), true));
            }
            if (escrow) {
                escrow(key, ESCROW_BY_RECIPE, "recipe " + done.recipeId() + ": " + reason);
            } else {
                destroy(key, DESTROY_AFTER_BURN, reason);
            }
        }
    }

    /** The unit is set aside: escrow once irreversible steps ran, else destroy. */
    public void quarantined(QuarantineOrdered q) {
        String reason = "quarantine " + q.quarantineId() + " (" + q.reason() + ")";
        for (VaultKey key : keysOf(q.mac().toString())) {
            if (q.irreversibleStepsDone()) {
                escrow(key, ESCROW_QUARANTINE, reason);
            } else {
                destroy(key, DESTROY_UNUSED, reason);
            }
        }
    }

    /** A quality engineer released the unit: SCRAP destroys its escrowed keys. */
    public void released(QuarantineReleased r) {
        if (r.disposition() != Disposition.SCRAP) {
            LOG.info("quarantine {} of {} released as {}: escrowed keys kept", r.quarantineId(), r.mac(), r.disposition());
            return;
        }
        for (VaultKey key : keysOf(r.mac().toString())) {
            destroy(key, DESTROY_SCRAPPED, "quarantine " + r.quarantineId() + " released as SCRAP by " + r.by()
                    + ": " + r.reason(), r.by());
        }
    }

    private List<VaultKey> keysOf(String mac) {
        return vault.list(mac + "/");
    }

    private void destroy(VaultKey key, String policy, String reason) {
        destroy(key, policy, reason, ORCHESTRATOR);
    }

    private void destroy(VaultKey key, String policy, String reason, String by) {
        vault.destroy(key.label());
        ledger.record(new CustodyEvent.Destroyed(key.label(), key.kcv(), policy, by, reason));
    }

    private void escrow(VaultKey key, String policy, String reason) {
        if (!isEscrowed(key)) {
            ledger.record(new CustodyEvent.Escrowed(key.label(), key.kcv(), policy, ORCHESTRATOR, reason));
        }
    }

    private boolean isEscrowed(VaultKey key) {
        return "key.escrowed".equals(last(key));
    }

    private String last(VaultKey key) {
        return ledger.lastAction(key.label()).orElse("");
    }

    /** The key purpose in the label ({@code <mac>/flash_encryption_key.xts_aes_256_key_1#1}), if any. */
    private static String purposeOf(VaultKey key) {
        String slot = key.label().name().substring(key.label().name().indexOf('/') + 1);
        int dot = slot.indexOf('.');
        int hash = slot.indexOf('#');
        return dot < 0 ? null : slot.substring(dot + 1, hash < 0 ? slot.length() : hash).toUpperCase(Locale.ROOT);
    }
}
