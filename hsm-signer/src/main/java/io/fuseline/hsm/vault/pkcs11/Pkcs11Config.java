package io.fuseline.hsm.vault.pkcs11;

import io.fuseline.hsm.vault.PinSource;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the token.
 *
 * @param module     the PKCS#11 library, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param tokenLabel the token's label: slots are found by label, since slot ids change (SoftHSM2 renumbers them)
 * @param pin        the user PIN, from configuration or a file, never a command-line argument
 * @param sessions   how many sessions to keep open at most (concurrent operations), at least 1
 */
public record Pkcs11Config(Path module, String tokenLabel, PinSource pin, int sessions) {
    public Pkcs11Config {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(tokenLabel, "tokenLabel");
        Objects.requireNonNull(pin, "pin");
        if (sessions < 1) {
            throw new IllegalArgumentException("pkcs11 sessions must be at least 1, got " + sessions);
        }
    }
}
