package io.fuseline.station.identity;

import io.fuseline.schemas.envelope.P256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jboss.logging.Logger;

/**
 * The station key pair in a local PKCS#12 keystore: one private-key entry (alias {@value #ALIAS}) with a
 * self-signed certificate (PKCS#12 needs one; nobody trusts it: the security officer enrolls the public key).
 * The keystore password is the first line of a separate password file. On first start, when neither exists,
 * both are created (mode 0600 where the file system allows) and a WARN line says a new, not yet enrolled key was made.
 * Not thread-safe: call once at start-up.
 */
public final class StationKeyStore {

    /** The entry's alias in the keystore. */
    public static final String ALIAS = "fuseline-station";

    private static final Logger LOG = Logger.getLogger(StationKeyStore.class);

    private StationKeyStore() {
    }

    /**
     * Loads the station key, creating keystore and password file when the keystore is absent.
     *
     * @throws IllegalStateException naming the file when the keystore exists but the password file does not, the
     *                               password is wrong or the entry is not an EC P-256 key
     */
    public static StationIdentity loadOrCreate(Path keystore, Path passwordFile, String stationId) {
        try {
            if (!Files.exists(keystore)) {
                return create(keystore, passwordFile, stationId);
            }
            char[] password = readPassword(passwordFile);
            try (InputStream in = Files.newInputStream(keystore)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, password);
                if (!(ks.getKey(ALIAS, password) instanceof PrivateKey priv)) {
                    throw new IllegalStateException(keystore + " has no private key entry " + ALIAS);
                }
                StationIdentity id = new StationIdentity(new KeyPair(ks.getCertificate(ALIAS).getPublicKey(), priv));
                LOG.infof("station key loaded from %s: %s", keystore, id);
                return id;
            } finally {
                Arrays.fill(password, '\0');
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the station keystore " + keystore + " (password from "
                    + passwordFile + "): " + e.getMessage(), e);
        }
    }

    /** Writes the public key as PEM for enrollment (replacing an older copy); nothing secret is written. */
    public static void exportPublicKey(StationIdentity id, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, id.publicKeyPem(), StandardCharsets.US_ASCII);
        LOG.infof("station public key for enrollment written to %s (fingerprint %s)", file, id.fingerprint());
    }

    private static StationIdentity create(Path keystore, Path passwordFile, String stationId)
            throws IOException, GeneralSecurityException {
        char[] password = Files.exists(passwordFile) ? readPassword(passwordFile) : newPasswordFile(passwordFile);
        try {
            KeyPair pair = P256.generate();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {selfSigned(pair, stationId)});
            if (keystore.getParent() != null) {
                Files.createDirectories(keystore.getParent());
            }
            try (OutputStream out = Files.newOutputStream(keystore, StandardOpenOption.CREATE_NEW)) {
                ks.store(out, password);
            }
            restrict(keystore);
            StationIdentity id = new StationIdentity(pair);
            LOG.warnf("!!! created a NEW station key in %s (%s): it is NOT enrolled; a security officer must enroll"
                    + " its public key (fingerprint %s) before this station can unwrap any key material", keystore,
                    id, id.fingerprint());
            return id;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] readPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("the password file " + file + " does not exist");
        }
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        if (first.isEmpty()) {
            throw new IOException("the password file " + file + " is empty");
        }
        return first.toCharArray();
    }

    private static char[] newPasswordFile(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, password + "\n", StandardOpenOption.CREATE_NEW);
        restrict(file);
        return password.toCharArray();
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warnf("cannot restrict %s to its owner: %s", file, e.getMessage());
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String stationId) throws GeneralSecurityException {
        try {
            X500Name name = new X500Name("CN=fuseline-station-" + stationId.replaceAll("[^A-Za-z0-9._-]", "_"));
            long now = System.currentTimeMillis();
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now),
                    new Date(now + 20L * 365 * 24 * 3600 * 1000), name, pair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the station certificate: " + e.getMessage(), e);
        }
    }
}
