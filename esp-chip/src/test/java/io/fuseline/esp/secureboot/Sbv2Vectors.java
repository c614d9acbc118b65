package io.fuseline.esp.secureboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/** The espsecure Secure Boot V2 vectors under {@code src/test/resources/vectors/}. */
final class Sbv2Vectors {
    private Sbv2Vectors() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Sbv2Vectors.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource vectors/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sbv2(String name) {
        return bytes("secure_boot_v2/" + name);
    }

    static String pem(String name) {
        return new String(sbv2(name), StandardCharsets.US_ASCII);
    }

    static PublicKey publicKey(String key) {
        return Pem.readPublicKey(pem(key + ".pub.pem"));
    }

    static JcaSigner signer(String key) {
        return JcaSigner.fromPem(pem(key + ".pem"));
    }
}
