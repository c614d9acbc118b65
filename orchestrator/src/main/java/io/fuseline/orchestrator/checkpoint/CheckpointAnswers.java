package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.audit.CheckpointSigner;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.CheckpointSigned;
import io.fuseline.schemas.message.FuselineMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Stores the vault's signed checkpoints as they arrive on {@code fuseline.hsm.results}: an answer is stored only if it
 * is signed by the configured audit key ({@link CheckpointKey}: fingerprint and signature both checked) and answers a
 * request of this line for the same record and hash. Anything else is logged with its context and refused
 * ({@link Refused}: the consumer dead-letters it with the reason); nothing of it is stored. A repeated answer stores
 * nothing new. Thread-safe.
 */
@ApplicationScoped
public class CheckpointAnswers {
    private static final Logger LOG = Logger.getLogger(CheckpointAnswers.class);

    /** An answer that is not stored, ever: the message says why. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final CheckpointKey key;
    private final CheckpointStore checkpoints;
    private final CheckpointRequestStore requests;
    private final Clock clock;

    CheckpointAnswers(CheckpointKey key, CheckpointStore checkpoints, CheckpointRequestStore requests, Clock clock) {
        this.key = key;
        this.checkpoints = checkpoints;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Verifies and stores one answer (its own transaction).
     *
     * @throws Refused if it is not signed by the audit key or answers no request of this line as asked
     */
    public void accept(CloudEvent<FuselineMessage> event) {
        CheckpointSigned m = (CheckpointSigned) event.data();
        String context = "checkpoint answer " + event.id() + " from " + event.source() + " (request " + m.requestId()
                + ", record " + m.sequence() + ", hash " + m.recordHash() + ", key " + m.keyId() + " "
                + m.publicKeyFingerprint() + ")";
        try {
            byte[] signature = verified(m);
            boolean stored = QuarkusTransaction.requiringNew().call(() -> store(m, signature));
            LOG.debugf("audit checkpoint at record %d signed by the vault (%s)", m.sequence(),
                    stored ? "stored" : "already stored");
        } catch (Refused e) {
            LOG.warnf("refusing %s: %s; nothing stored", context, e.getMessage());
            throw e;
        }
    }

    private byte[] verified(CheckpointSigned m) {
        if (!key.fingerprint().equals(m.publicKeyFingerprint())) {
            throw new Refused("it names key " + m.publicKeyFingerprint() + ", not the configured audit key "
                    + key.fingerprint());
        }
        byte[] signature = Base64.getDecoder().decode(m.signature()); // the codec checked it is base64
        if (!CheckpointStatement.ALGORITHM.equals(m.algorithm())
                || !CheckpointStatement.verify(key.publicKey(), m.sequence(), m.recordHash(), signature)) {
            throw new Refused("its signature does not verify with the configured audit key " + key.keyId());
        }
        return signature;
    }

    private boolean store(CheckpointSigned m, byte[] signature) {
        CheckpointRequestStore.Request asked = requests.lock(m.requestId())
                .orElseThrow(() -> new Refused("this line never asked for it"));
        if (asked.sequence() != m.sequence() || !asked.recordHash().equals(m.recordHash())) {
            throw new Refused("request " + asked.requestId() + " asked for record " + asked.sequence() + " with hash "
                    + asked.recordHash());
        }
        boolean stored = checkpoints.insert(new CheckpointSigner.Checkpoint(m.sequence(), m.recordHash(), key.keyId(),
                signature), m.signedAt().truncatedTo(ChronoUnit.MICROS));
        requests.answered(m.requestId(), clock.instant());
        return stored;
    }
}
