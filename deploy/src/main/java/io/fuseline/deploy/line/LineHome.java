package io.fuseline.deploy.line;

import java.nio.file.Path;

/**
 * Where a local line keeps its state, all under one folder so that a line can be resumed or thrown away whole:
 * the software vault and its PIN, the station's key store, firmware artifacts and recipes, the broker's and the
 * database's data, the services' logs.
 */
public record LineHome(Path root) {
    /** The name of the vault's audit checkpoint key (label {@code AUDIT_CHECKPOINT/audit-checkpoint}). */
    public static final String AUDIT_KEY_NAME = "audit-checkpoint";

    public LineHome {
        root = root.toAbsolutePath().normalize();
    }

    public Path vaultDir() { return root.resolve("vault"); }

    public Path vaultFile() { return vaultDir().resolve("vault.p12"); }

    /** The vault PIN, generated at the first ceremony; readable by its owner only. */
    public Path pinFile() { return vaultDir().resolve("vault.pin"); }

    /**
     * The vault audit key's public key (PEM), exported by the ceremony: the orchestrator verifies the vault's
     * checkpoints with it, and {@code ./fuseline audit verify --public-key} an export.
     */
    public Path auditPublicKey() { return vaultDir().resolve("audit-checkpoint.pem"); }

    /** hsm-signer's custody ledger (JSON lines). */
    public Path custodyLedger() { return vaultDir().resolve("custody.log"); }

    public Path stationDir() { return root.resolve("station"); }

    public Path stationKeystore() { return stationDir().resolve("station.p12"); }

    public Path stationPasswordFile() { return stationDir().resolve("station.password"); }

    public Path stationPublicKey() { return stationDir().resolve("station.pub.pem"); }

    /** Firmware images by content: {@code <sha256>.bin}. */
    public Path artifacts() { return root.resolve("artifacts"); }

    public Path recipes() { return root.resolve("recipes"); }

    public Path kafka() { return root.resolve("kafka"); }

    public Path postgres() { return root.resolve("postgres"); }

    public Path orchestratorDir() { return root.resolve("orchestrator"); }

    public Path hsmDir() { return root.resolve("hsm-signer"); }

    public Path logs() { return root.resolve("logs"); }

    /** The counter of runs on this line: it keeps MACs and work-order ids of a resumed line unique. */
    public Path runCounter() { return root.resolve("runs"); }
}
