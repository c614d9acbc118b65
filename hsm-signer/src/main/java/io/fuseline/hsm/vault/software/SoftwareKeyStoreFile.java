package io.fuseline.hsm.vault.software;

import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PKCS12Attribute;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * The software token's file: a PKCS#12 key store (the JDK's, PBES2 with HMAC-SHA-256 and AES-256 per entry, an
 * HMAC-SHA-256 integrity MAC over the file) protected by one password. Every key is a secret-key entry whose bytes
 * are the secret or the PKCS#8 private key; label, request id, public key and certificate ride along as PKCS#12
 * bag attributes under a private OID arc. Writes replace the file atomically (write, then rename); between two
 * writes, changes go to the {@link SoftwareJournal}. Not thread-safe:
 * {@link SoftwareKeyVault} serialises access.
 */
final class SoftwareKeyStoreFile {
    private static final String ARC = "2.25.320353022964971509238229446442522542710.";
    private static final String LABEL = ARC + "1";
    private static final String REQUEST = ARC + "2";
    private static final String PUBLIC = ARC + "3";
    private static final String CERT = ARC + "4";
    private static final String LOCAL = ARC + "5";
    /** The entry's algorithm name only tells PKCS#12 how to tag the bytes; they are used as raw bytes. */
    private static final String CONTAINER_ALGORITHM = "AES";

    private final Path file;
    private final char[] password;
    private final KeyStore store;

    private SoftwareKeyStoreFile(Path file, char[] password, KeyStore store) {
        this.file = file;
        this.password = password;
        this.store = store;
    }

    /** Opens {@code file}, or starts an empty store if it does not exist yet. Takes ownership of {@code password}. */
    static SoftwareKeyStoreFile open(Path file, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, password);
                }
            } else {
                ks.load(null, null);
            }
            return new SoftwareKeyStoreFile(file, password, ks);
        } catch (IOException | GeneralSecurityException e) {
            throw io("cannot open the software key store " + file + " (wrong password or damaged file): "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** A new, empty store that {@link #save} writes to {@code file}. Takes ownership of {@code password}. */
    static SoftwareKeyStoreFile empty(Path file, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            return new SoftwareKeyStoreFile(file, password, ks);
        } catch (IOException | GeneralSecurityException e) {
            throw io("cannot create a PKCS#12 key store: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Every key, decrypted: done once at start so later look-ups need no key derivation. */
    List<StoredKey> readAll() {
        List<StoredKey> keys = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                KeyStore.Entry e = store.getEntry(alias, new KeyStore.PasswordProtection(password));
                keys.add(fromEntry((KeyStore.SecretKeyEntry) e));
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw io("cannot read an entry of " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    void put(StoredKey key) {
        Set<KeyStore.Entry.Attribute> attributes = new HashSet<>();
        attributes.add(attribute(LABEL, key.label().toString().getBytes(StandardCharsets.UTF_8)));
        attributes.add(attribute(REQUEST, key.requestId().getBytes(StandardCharsets.UTF_8)));
        attributes.add(attribute(LOCAL, new byte[] {(byte) (key.local() ? 1 : 0)}));
        if (key.publicKey() != null) {
            attributes.add(attribute(PUBLIC, key.publicKey()));
        }
        if (key.certificate() != null) {
            attributes.add(attribute(CERT, key.certificate()));
        }
        // A station's public key has no secret; the entry still needs bytes, so it holds a single zero byte.
        byte[] value = key.value() != null ? key.value() : new byte[1];
        try {
            store.setEntry(alias(key.label()), new KeyStore.SecretKeyEntry(new SecretKeySpec(value, CONTAINER_ALGORITHM),
                    attributes), new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw io("cannot protect entry " + key.label() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    void remove(KeyLabel label) {
        try {
            store.deleteEntry(alias(label));
        } catch (GeneralSecurityException e) {
            throw io("cannot delete entry " + label + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Writes the whole store to a temporary file beside the target, then renames it over the target. */
    void save() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".fuseline-keystore", ".tmp");
            try {
                setOwnerOnly(tmp);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    store.store(out, password);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw io("cannot write the software key store " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    void clearPassword() {
        java.util.Arrays.fill(password, '\0');
    }

    private static StoredKey fromEntry(KeyStore.SecretKeyEntry entry) {
        byte[] label = null;
        byte[] request = null;
        byte[] publicKey = null;
        byte[] cert = null;
        boolean local = false;
        for (KeyStore.Entry.Attribute a : entry.getAttributes()) {
            switch (a.getName()) {
                case LABEL -> label = valueOf(a);
                case REQUEST -> request = valueOf(a);
                case PUBLIC -> publicKey = valueOf(a);
                case CERT -> cert = valueOf(a);
                case LOCAL -> local = valueOf(a).length == 1 && valueOf(a)[0] == 1;
                default -> { } // friendlyName, localKeyId: the JDK's own
            }
        }
        if (label == null || request == null) {
            throw io("an entry lacks its Fuseline attributes; the file was not written by Fuseline", null);
        }
        byte[] value = entry.getSecretKey().getEncoded();
        boolean publicOnly = !local && publicKey != null;
        return new StoredKey(KeyLabel.parse(new String(label, StandardCharsets.UTF_8)),
                new String(request, StandardCharsets.UTF_8), publicOnly ? null : value, publicKey, cert, local);
    }

    // Attribute values are "v" + base64 text: the JDK stores text that looks like (colon-separated) hex, such as a
    // MAC address or the base64 "AA", as raw bytes and gives it back reformatted. The "v" is never a hex digit.
    private static PKCS12Attribute attribute(String oid, byte[] value) {
        return new PKCS12Attribute(oid, "v" + Base64.getUrlEncoder().withoutPadding().encodeToString(value));
    }

    private static byte[] valueOf(KeyStore.Entry.Attribute a) {
        String v = a.getValue();
        if (!v.startsWith("v")) {
            throw io("an entry attribute is not in Fuseline's form", null);
        }
        return Base64.getUrlDecoder().decode(v.substring(1));
    }

    private static String alias(KeyLabel label) {
        // The JDK lower-cases PKCS#12 aliases; hex keeps distinct labels distinct.
        return java.util.HexFormat.of().formatHex(label.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void setOwnerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: rely on the directory's permissions
        }
    }

    private static VaultException io(String message, Exception cause) {
        return new VaultException(VaultError.KEYSTORE_IO, null, message, cause);
    }
}
