package io.fuseline.hsm.service;

import io.fuseline.hsm.audit.CheckpointSigning;
import io.fuseline.hsm.ca.CertificateProfile;
import io.fuseline.hsm.ca.FactoryCa;
import io.fuseline.hsm.custody.CustodyLedger;
import io.fuseline.hsm.custody.KeyDisposition;
import io.fuseline.hsm.material.MaterialIssuer;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.hsm.vault.pkcs11.Pkcs11Config;
import io.fuseline.hsm.vault.pkcs11.Pkcs11KeyVault;
import io.fuseline.hsm.vault.software.SoftwareKeyVault;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The vault and what is built on it (factory CA, issuer, dispositions, checkpoint signing), opened on first use and again after a
 * failure: while the vault cannot be opened, or the factory CA is missing, {@link #ready()} throws a retriable
 * {@link VaultException} (TOKEN_UNAVAILABLE) and the health check is DOWN. A vault operation that reports the token
 * gone marks the vault for reopening. Thread-safe.
 */
@ApplicationScoped
public class VaultService {
    private static final Logger LOG = Logger.getLogger(VaultService.class);

    /** What a request works with; one consistent set per open vault. */
    public record Ready(KeyVault vault, MaterialIssuer issuer, KeyDisposition disposition,
                        CheckpointSigning checkpoints) {
    }

    private final HsmConfig config;
    private final CustodyLedger ledger;
    private volatile Ready ready;
    private volatile String lastError = "not opened yet";

    VaultService(HsmConfig config, CustodyLedger ledger) {
        this.config = config;
        this.ledger = ledger;
    }

    /** The open vault and its services, opening them if needed. */
    public Ready ready() {
        Ready r = ready;
        if (r != null) {
            return r;
        }
        synchronized (this) {
            if (ready == null) {
                ready = open();
            }
            return ready;
        }
    }

    /** Forgets the vault after a failure that says the token went away; the next request reopens it. */
    public synchronized void failed(VaultException e) {
        if (e.error() == VaultError.TOKEN_UNAVAILABLE && ready != null) {
            LOG.warnf("vault %s reported %s; it will be reopened", ready.vault().describe(), e.getMessage());
            lastError = e.getMessage();
            ready.vault().close();
            ready = null;
        }
    }

    /** Why the vault is not ready, or null if it is. */
    public String problem() {
        try {
            Ready r = ready();
            r.vault().find(caLabel()).orElseThrow(() -> new VaultException(VaultError.TOKEN_UNAVAILABLE,
                    "the factory CA " + caLabel() + " is gone"));
            return null;
        } catch (VaultException e) {
            failed(e);
            return e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Fails the start on an audit key name no answer can carry, naming the setting. */
    void checkConfig(@Observes StartupEvent event) {
        try {
            CheckpointSigning.checkKeyName(config.auditKeyName());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("fuseline.hsm.audit-key-name: " + e.getMessage(), e);
        }
    }

    void close(@Observes ShutdownEvent event) {
        Ready r = ready;
        if (r != null) {
            r.vault().close();
        }
    }

    private Ready open() {
        KeyVault vault;
        try {
            vault = switch (config.vaultKind()) {
                case SOFTWARE -> SoftwareKeyVault.open(config.softwarePath(), PinSource.file(config.pinFile()));
                case PKCS11 -> Pkcs11KeyVault.open(new Pkcs11Config(config.pkcs11Module(), config.pkcs11TokenLabel(),
                        PinSource.file(config.pinFile()), config.pkcs11Sessions()));
            };
        } catch (VaultException e) {
            lastError = e.getMessage();
            throw new VaultException(VaultError.TOKEN_UNAVAILABLE, null, "the vault cannot be opened: " + e.getMessage(),
                    null);
        }
        try {
            CertificateProfile profile = new CertificateProfile(config.certificateOrganization(),
                    config.certificateValidity(), config.certificateBackdate(), config.certificateValidity());
            FactoryCa ca = FactoryCa.load(vault, caLabel(), profile, Clock.systemUTC());
            LOG.infof("vault open: %s, factory CA %s", vault.describe(), caLabel());
            lastError = null;
            return new Ready(vault, new MaterialIssuer(vault, ca, ledger), new KeyDisposition(vault, ledger,
                    Set.copyOf(config.escrowRecipes().orElse(List.of()))),
                    new CheckpointSigning(vault, config.auditKeyName(), Clock.systemUTC()));
        } catch (VaultException e) {
            vault.close();
            lastError = e.getMessage();
            throw new VaultException(VaultError.TOKEN_UNAVAILABLE, null, "the vault has no usable factory CA ("
                    + e.getMessage() + "); run ./fuseline vault create-ca", null);
        }
    }

    private KeyLabel caLabel() {
        return new KeyLabel(KeyRole.FACTORY_CA, config.caName());
    }
}
