package io.fuseline.orchestrator.checkpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** When the audit chain's head is signed, and by which key (docs/audit-export.md). */
@ConfigMapping(prefix = "fuseline.audit.checkpoint")
public interface CheckpointConfig {

    /** Who signs checkpoints. */
    enum Signer {
        /** The vault's AUDIT_CHECKPOINT key, through hsm-signer (a request on Kafka, the answer stored when it comes). */
        VAULT,
        /** A key in a local file of this orchestrator ({@link #keyFile()}): standalone tests and development only. */
        LOCAL
    }

    /** Whether this instance asks for checkpoints (a boolean; any number of instances may). Default true. */
    @WithDefault("true")
    boolean enabled();

    /**
     * {@code vault} (the vault's audit key through hsm-signer, what a line runs; needs
     * {@link #vaultPublicKeyFile()}) or {@code local} (a key file of this orchestrator, {@link #keyFile()}: anyone
     * who can read it can forge checkpoints). Default {@code vault}: an orchestrator started without the vault audit
     * key's public key refuses to start rather than sign its own checkpoints; tests and the benchmark choose
     * {@code local}.
     */
    @WithDefault("vault")
    Signer signer();

    /**
     * With {@code signer=vault}: the vault audit key's public key, PEM ({@code BEGIN PUBLIC KEY}, EC P-256), at this
     * path (a file path), as the key ceremony exported it. Answers are verified with it before they are stored, and it
     * is served at {@code /api/audit/checkpoints/public-key}. No default: required with {@code signer=vault}.
     */
    Optional<String> vaultPublicKeyFile();

    /**
     * With {@code signer=vault}: how long (a duration) a request may wait for the vault's answer before it is marked
     * abandoned (logged as a warning) and the next due checkpoint is asked for again. Default 60 s.
     */
    @WithDefault("60s")
    Duration requestTimeout();

    /** Sign when this many records (a count, at least 1) were appended since the last checkpoint. Default 1000. */
    @WithDefault("1000")
    int everyRecords();

    /** Sign when the last checkpoint is this old (a duration) and records were appended since. Default 60 s. */
    @WithDefault("60s")
    Duration everyDuration();

    /** How often (a duration) the head is looked at. Default 5 s. */
    @WithDefault("5s")
    Duration checkInterval();

    /**
     * With {@code signer=local}: the signing key, an EC P-256 private key, PKCS#8 PEM, at this path (a file path). Its
     * public key is written beside it as {@code <file>.pub.pem}. Default {@code .fuseline/audit-checkpoint-key.pem}.
     */
    @WithDefault(".fuseline/audit-checkpoint-key.pem")
    String keyFile();

    /**
     * With {@code signer=local}: whether a missing key file is created with a new key (a boolean). Default true.
     */
    @WithDefault("true")
    boolean generateKeyIfMissing();
}
