package io.fuseline.hsm.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** hsm-signer's settings ({@code fuseline.hsm.*}); every default is here and in application.properties' comments. */
@ConfigMapping(prefix = "fuseline.hsm")
public interface HsmConfig {
    /** Which vault holds the keys. */
    enum VaultKind { SOFTWARE, PKCS11 }

    /** {@code software} (the embedded default, not for production) or {@code pkcs11} (an HSM). */
    @WithDefault("software")
    VaultKind vaultKind();

    /** The file holding the token PIN or the software key-store password (first line). Never a command-line value. */
    @WithDefault(".fuseline/vault/vault.pin")
    Path pinFile();

    /** The software vault's PKCS#12 file (its journal lies beside it). */
    @WithDefault(".fuseline/vault/vault.p12")
    Path softwarePath();

    /** The PKCS#11 library. */
    @WithDefault("/usr/lib/softhsm/libsofthsm2.so")
    Path pkcs11Module();

    /** The label of the token that holds the keys (slots are found by label). */
    @WithDefault("fuseline")
    String pkcs11TokenLabel();

    /** PKCS#11 sessions kept open at most (concurrent vault operations). */
    @WithDefault("4")
    int pkcs11Sessions();

    /** The factory CA's key label name (role FACTORY_CA), created by {@code ./fuseline vault create-ca}. */
    @WithDefault("factory-ca")
    String caName();

    /**
     * The audit checkpoint key's name (role AUDIT_CHECKPOINT: label {@code AUDIT_CHECKPOINT/<name>}), created by
     * {@code ./fuseline vault create-audit-key}; it signs the orchestrator's audit checkpoints. Letters, digits and
     * {@code ._:-}.
     */
    @WithDefault("audit-checkpoint")
    String auditKeyName();

    /** The subject O of device certificates. */
    @WithDefault("Fuseline Factory")
    String certificateOrganization();

    /** Validity of a device certificate (ISO-8601 duration, or e.g. {@code 7300d}). */
    @WithDefault("7300d")
    Duration certificateValidity();

    /** How far notBefore lies before issuance, for device clocks that run behind. */
    @WithDefault("1h")
    Duration certificateBackdate();

    /** The append-only custody ledger file. */
    @WithDefault(".fuseline/vault/custody.log")
    Path custodyLedger();

    /** Recipe ids whose device keys are escrowed instead of destroyed after provisioning; none by default. */
    Optional<List<String>> escrowRecipes();

    /** First wait before a request that failed retriably (vault down) is tried again. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** Longest wait between two tries; the request is tried until the vault is back. */
    @WithDefault("5s")
    Duration retryMaxBackoff();

    /** The CloudEvents source of what this instance produces. */
    @WithDefault("/fuseline/hsm-signer")
    String source();
}
