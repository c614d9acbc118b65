package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.messaging.MessagingTestProfile;
import java.nio.file.Path;
import java.util.Map;

/**
 * The integration tests' line with {@code signer=vault}: the "vault" is a test double that signs with a key pair in
 * the build directory (made with the local signer's key-file format: {@link #KEY_FILE} and its {@code .pub.pem}); the
 * orchestrator is given only the public half, as a line is given the vault audit key's.
 */
public class VaultCheckpointProfile extends MessagingTestProfile {
    /** The double's private key (PKCS#8 PEM); the orchestrator reads only {@link #publicKeyFile()}. */
    public static final Path KEY_FILE = Path.of("target/test-vault-audit-key.pem");

    public static Path publicKeyFile() {
        return LocalKeyCheckpointSigner.publicKeyFile(KEY_FILE);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        LocalKeyCheckpointSigner.open(KEY_FILE, true); // creates the pair on the first run, reuses it after
        Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
        config.put("fuseline.audit.checkpoint.signer", "vault");
        config.put("fuseline.audit.checkpoint.vault-public-key-file", publicKeyFile().toString());
        return config;
    }
}
