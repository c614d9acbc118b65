package io.fuseline.hsm.vault.software;

import io.fuseline.hsm.vault.KeyLabel;
import java.util.Arrays;

/**
 * One key as the software token keeps it: the secret (raw bytes, or PKCS#8 for a private key; absent for a
 * station's public key), its public half (X.509 DER), and its certificate (DER) once stored. {@link #toString()}
 * never shows the value.
 */
record StoredKey(KeyLabel label, String requestId, byte[] value, byte[] publicKey, byte[] certificate, boolean local) {

    StoredKey withCertificate(byte[] der) {
        return new StoredKey(label, requestId, value, publicKey, der, local);
    }

    /** Zeroizes the value held by this record. */
    void wipe() {
        if (value != null) {
            Arrays.fill(value, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "StoredKey[" + label + ", request " + requestId + (value == null ? ", public only" : ", value hidden") + "]";
    }
}
