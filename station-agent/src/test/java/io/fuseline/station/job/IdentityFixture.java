package io.fuseline.station.job;

import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.envelope.EnvelopeSealer;
import io.fuseline.schemas.envelope.KeyCheckValue;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.WrappedKey;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A device identity the way the vault issues one, for tests: an EC P-256 key pair, a certificate from a test CA
 * with the factory CA's subject ({@code CN=<MAC>, OU=<work order>, O=...}), and the private key wrapped for the
 * fixture's station as its PKCS#8 encoding.
 */
record IdentityFixture(KeyPair key, String certificatePem, WrappedKey wrapped) {

    private static final KeyPair CA = P256.generate();

    /** An identity for {@code mac}, certified for the key {@code certified} (the identity's own, normally). */
    static IdentityFixture issue(MacAddress mac, KeyPair key, PublicKey certified) {
        String pem = certificate("CN=" + mac + ",OU=wo-1,O=Fuseline Test Factory", certified);
        try (SecretBytes pkcs8 = SecretBytes.adopt(key.getPrivate().getEncoded(),
                KeyCheckValue.ofPublicKey(certified))) {
            String envelope = EnvelopeSealer.seal(pkcs8, SecretKind.DEVICE_IDENTITY_KEY, pkcs8.kcv(),
                    JobFixture.STATION.getPublic()).toBase64();
            return new IdentityFixture(key, pem, new WrappedKey("k-id-1", SecretKind.DEVICE_IDENTITY_KEY, null,
                    pkcs8.kcv(), envelope));
        }
    }

    static IdentityFixture issue(MacAddress mac) {
        KeyPair key = P256.generate();
        return issue(mac, key, key.getPublic());
    }

    /** The same identity key, certified under another subject. */
    IdentityFixture forSubject(String subject) {
        return new IdentityFixture(key, certificate(subject, key.getPublic()), wrapped);
    }

    private static String certificate(String subject, PublicKey key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(new X500Name("CN=Fuseline Test CA"),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(3650, ChronoUnit.DAYS)), new X500Name(subject), key)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(CA.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(holder);
            }
            return out.toString();
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }
}
