package io.fuseline.hsm.vault;

import io.fuseline.hsm.policy.KeyPolicy;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.fuseline.schemas.envelope.P256;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.Set;

/** The checks every vault makes before it touches a key, so both implementations refuse the same things. */
public final class VaultRules {
    /**
     * The roles that sign a digest their caller hands in. Not AUDIT_CHECKPOINT: the audit key signs checkpoint
     * statements only, which the vault builds itself ({@link #mayCheckpoint}, {@code KeyVault.signCheckpoint}).
     */
    private static final Set<KeyRole> SIGNERS = EnumSet.of(KeyRole.SECURE_BOOT_SIGNING, KeyRole.FACTORY_CA);
    /** Shortest and longest secret the vault generates, in bytes. */
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 64;

    private VaultRules() {
    }

    public static void keyPairRole(KeyLabel label) {
        KeyType type = KeyType.of(label.role());
        if (type == KeyType.SECRET || label.role() == KeyRole.STATION_ENROLLMENT) {
            throw refused(label, "is not a key pair the vault generates");
        }
    }

    public static void secretRole(KeyLabel label, int length) {
        if (KeyType.of(label.role()) != KeyType.SECRET) {
            throw refused(label, "is not a secret key role");
        }
        if (length < MIN_SECRET || length > MAX_SECRET) {
            throw new VaultException(VaultError.BAD_REQUEST, "secret length " + length + " is outside "
                    + MIN_SECRET + ".." + MAX_SECRET + " bytes");
        }
    }

    public static void maySign(KeyLabel label, byte[] digest) {
        if (!SIGNERS.contains(label.role())) {
            throw refused(label, "may not sign");
        }
        if (digest.length != 32) {
            throw new VaultException(VaultError.BAD_REQUEST, "a SHA-256 digest has 32 bytes, got " + digest.length);
        }
    }

    /** Only an AUDIT_CHECKPOINT key signs checkpoint statements. */
    public static void mayCheckpoint(KeyLabel label) {
        if (label.role() != KeyRole.AUDIT_CHECKPOINT) {
            throw refused(label, "does not sign audit checkpoints");
        }
    }

    /** The digest of the checkpoint statement, refusing a sequence or hash no statement is made of. */
    public static byte[] checkpointDigest(long sequence, String recordHash) {
        try {
            return CheckpointStatement.digest(sequence, recordHash);
        } catch (IllegalArgumentException e) {
            throw new VaultException(VaultError.BAD_REQUEST, "no checkpoint statement: " + e.getMessage());
        }
    }

    public static void mayWrap(KeyLabel label) {
        if (!KeyPolicy.of(label.role()).wrapOnlyForStation()) {
            throw refused(label, "never leaves the vault");
        }
    }

    public static void stationKey(String stationId, PublicKey key) {
        KeyLabel.station(stationId); // validates the id as a key name
        if (!P256.isP256(key)) {
            throw new VaultException(VaultError.BAD_REQUEST, "station " + stationId + " must enroll an EC P-256 key, got "
                    + key.getAlgorithm());
        }
    }

    public static VaultException notFound(KeyLabel label) {
        return new VaultException(VaultError.KEY_NOT_FOUND, "no key " + label);
    }

    public static VaultException exists(KeyLabel label) {
        return new VaultException(VaultError.KEY_EXISTS, "key " + label + " already exists");
    }

    public static VaultException notEnrolled(String stationId) {
        return new VaultException(VaultError.STATION_NOT_ENROLLED, "station " + stationId + " is not enrolled");
    }

    private static VaultException refused(KeyLabel label, String why) {
        return new VaultException(VaultError.POLICY_REFUSED, "a " + label.role() + " key " + why + " (" + label + ")");
    }
}
