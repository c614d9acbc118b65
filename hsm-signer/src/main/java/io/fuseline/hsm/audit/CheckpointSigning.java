package io.fuseline.hsm.audit;

import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import java.security.PublicKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers the orchestrator's {@link CheckpointRequested} with the vault's audit key: the vault builds the checkpoint
 * statement from the request's record sequence and hash and signs it ({@link KeyVault#signCheckpoint}); nothing else
 * of the request reaches the key. The answer carries the key's name and public-key fingerprint, and is checked
 * against that public key before it leaves.
 *
 * <p>Idempotent by request id: a repeated request gets the answer already given (the last {@value #REMEMBERED}
 * answers are remembered, per open vault; after a restart or a reopened vault a repeat is signed again, a fresh ECDSA
 * signature over the same statement that verifies the same, and the orchestrator stores one checkpoint per record).
 * A request id reused for another record is refused. Signing uses are not custody events (as for Secure Boot signatures, the ledger records a key's
 * life, not each use); each signature is logged by the caller. Thread-safe.
 */
public final class CheckpointSigning {
    /** How many answers are remembered for repeated requests. */
    static final int REMEMBERED = 1024;
    /** What {@code CheckpointSigned.keyId} may hold (the schemas' identifier). */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final KeyVault vault;
    private final KeyLabel key;
    private final Clock clock;
    private final Map<String, CheckpointSigned> answered = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CheckpointSigned> eldest) {
            return size() > REMEMBERED;
        }
    };
    private PublicKey publicKey;

    /**
     * @param keyName the audit key's name in the vault (role AUDIT_CHECKPOINT), letters, digits and {@code ._:-}
     * @throws IllegalArgumentException for a name an answer cannot carry
     */
    public CheckpointSigning(KeyVault vault, String keyName, Clock clock) {
        checkKeyName(keyName);
        this.vault = vault;
        this.key = new KeyLabel(KeyRole.AUDIT_CHECKPOINT, keyName);
        this.clock = clock;
    }

    /**
     * Refuses an audit key name that an answer cannot carry as its {@code keyId}.
     *
     * @throws IllegalArgumentException saying what a name may hold
     */
    public static void checkKeyName(String keyName) {
        if (keyName == null || !KEY_ID.matcher(keyName).matches()) {
            throw new IllegalArgumentException("the audit key's name must be 1-64 letters, digits or ._:- (it is sent "
                    + "as the answer's keyId), got '" + keyName + "'");
        }
    }

    /** The label of the key that signs. */
    public KeyLabel key() {
        return key;
    }

    /**
     * Signs the checkpoint {@code request} asks for.
     *
     * @throws VaultException KEY_NOT_FOUND when the vault has no audit key (with what to do), BAD_REQUEST for a
     *                        request id reused for another record, TOKEN_ERROR if the token's signature does not
     *                        verify; retriable ones (token gone) as the vault reports them
     */
    public synchronized CheckpointSigned sign(CheckpointRequested request) {
        CheckpointSigned earlier = answered.get(request.requestId());
        if (earlier != null) {
            if (earlier.sequence() != request.sequence() || !earlier.recordHash().equals(request.recordHash())) {
                throw new VaultException(VaultError.BAD_REQUEST, "checkpoint request " + request.requestId()
                        + " was answered for record " + earlier.sequence() + "; the same id now asks for record "
                        + request.sequence());
            }
            return earlier;
        }
        byte[] signature;
        PublicKey pub;
        try {
            signature = vault.signCheckpoint(key, request.sequence(), request.recordHash());
            pub = publicKey();
        } catch (VaultException e) {
            if (e.error() == VaultError.KEY_NOT_FOUND) {
                throw new VaultException(VaultError.KEY_NOT_FOUND, "the vault " + vault.describe() + " has no audit "
                        + "checkpoint key " + key + "; create it in the key ceremony (./fuseline vault "
                        + "create-audit-key) and give its public key to the orchestrator");
            }
            throw e;
        }
        if (!CheckpointStatement.verify(pub, request.sequence(), request.recordHash(), signature)) {
            throw new VaultException(VaultError.TOKEN_ERROR, "the token's signature of checkpoint " + request.sequence()
                    + " does not verify with " + key + "'s public key");
        }
        CheckpointSigned answer = new CheckpointSigned(request.requestId(), request.sequence(), request.recordHash(),
                key.name(), P256.fingerprintHex(pub), CheckpointStatement.ALGORITHM,
                Base64.getEncoder().encodeToString(signature), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        answered.put(request.requestId(), answer);
        return answer;
    }

    private PublicKey publicKey() {
        if (publicKey == null) {
            publicKey = vault.publicKey(key);
        }
        return publicKey;
    }
}
