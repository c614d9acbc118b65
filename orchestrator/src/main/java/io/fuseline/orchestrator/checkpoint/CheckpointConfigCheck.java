package io.fuseline.orchestrator.checkpoint;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Refuses to start with checkpoint settings that would only fail later, at the first checkpoint or the first answer,
 * and says which key is wrong: the counts and durations, and the checkpoint key itself (the vault's public key file
 * with {@code signer=vault}, the local key file with {@code signer=local}), which is read now.
 */
@ApplicationScoped
class CheckpointConfigCheck {
    private static final Logger LOG = Logger.getLogger(CheckpointConfigCheck.class);

    void onStart(@Observes StartupEvent event, CheckpointConfig config, CheckpointKey key) {
        check(config);
        LOG.infof("audit checkpoints: signed by the %s key %s", config.signer() == CheckpointConfig.Signer.VAULT
                ? "vault's audit" : "local", key.keyId());
    }

    static void check(CheckpointConfig config) {
        if (config.everyRecords() < 1) {
            throw new IllegalStateException("fuseline.audit.checkpoint.every-records must be at least 1, was "
                    + config.everyRecords());
        }
        positive("every-duration", config.everyDuration());
        positive("check-interval", config.checkInterval());
        positive("request-timeout", config.requestTimeout());
    }

    private static void positive(String key, java.time.Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalStateException("fuseline.audit.checkpoint." + key + " must be positive, was " + d);
        }
    }
}
