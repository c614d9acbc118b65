package io.fuseline.orchestrator.checkpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When the audit chain's head is signed, and with which key (docs/audit-export.md). */
@ConfigMapping(prefix = "fuseline.audit.checkpoint")
public interface CheckpointConfig {

    /** Whether this instance signs checkpoints (a boolean; any number of instances may). Default true. */
    @WithDefault("true")
    boolean enabled();

    /** Sign when this many records (a count) were appended since the last checkpoint. Default 1000. */
    @WithDefault("1000")
    int everyRecords();

    /** Sign when the last checkpoint is this old (a duration) and records were appended since. Default 60 s. */
    @WithDefault("60s")
    Duration everyDuration();

    /** How often (a duration) the head is looked at. Default 5 s. */
    @WithDefault("5s")
    Duration checkInterval();

    /**
     * The interim signing key (until hsm-signer signs checkpoints with the vault's audit key): an EC P-256 private key,
     * PKCS#8 PEM, at this path (a file path). Its public key is written beside it as {@code <file>.pub.pem} and
     * served at {@code /api/audit/checkpoints/public-key}. Default {@code .fuseline/audit-checkpoint-key.pem}.
     */
    @WithDefault(".fuseline/audit-checkpoint-key.pem")
    String keyFile();

    /** Whether a missing key file is created with a new key (a boolean; the local line's default). Default true. */
    @WithDefault("true")
    boolean generateKeyIfMissing();
}
