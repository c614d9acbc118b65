package io.fuseline.hsm.secureboot;

import io.fuseline.esp.secureboot.PublicKeyDigest;
import io.fuseline.esp.secureboot.Signer;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.security.PublicKey;

/**
 * An esp-chip {@link Signer} whose RSA-3072 key stays in the vault: {@code SignedImage.sign(image, List.of(signer))}
 * produces a Secure Boot V2 image, the vault signing only the 32-byte image digest (PKCS#11 CKM_RSA_PKCS_PSS,
 * SHA-256, MGF1-SHA-256, salt 32). Thread-safe; the public key is read once.
 */
public final class VaultSecureBootSigner implements Signer {
    private final KeyVault vault;
    private final KeyLabel key;
    private final PublicKey publicKey;

    public VaultSecureBootSigner(KeyVault vault, KeyLabel key) {
        if (key.role() != KeyRole.SECURE_BOOT_SIGNING) {
            throw new VaultException(VaultError.POLICY_REFUSED, key + " is not a SECURE_BOOT_SIGNING key");
        }
        this.vault = vault;
        this.key = key;
        this.publicKey = vault.publicKey(key);
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] signDigest(byte[] imageDigest) {
        return vault.signDigest(key, imageDigest);
    }

    /** The 32-byte public-key digest to burn into eFuse (espsecure {@code digest_sbv2_public_key}). */
    public byte[] publicKeyDigest() {
        return PublicKeyDigest.of(publicKey);
    }

    @Override
    public String toString() {
        return "VaultSecureBootSigner[" + key + " in " + vault.describe() + "]";
    }
}
