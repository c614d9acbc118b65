package io.fuseline.hsm.ca;

import io.fuseline.esp.MacAddress;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * The factory CA: a P-256 key in the vault ({@link KeyRole#FACTORY_CA}) and its self-signed certificate, stored
 * beside the key. Issues device identity certificates for mTLS client use. Every signature is made in the vault
 * through {@link VaultContentSigner}. Thread-safe.
 */
public final class FactoryCa {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyVault vault;
    private final KeyLabel key;
    private final X509CertificateHolder certificate;
    private final CertificateProfile profile;
    private final Clock clock;

    private FactoryCa(KeyVault vault, KeyLabel key, X509CertificateHolder certificate, CertificateProfile profile,
                      Clock clock) {
        this.vault = vault;
        this.key = key;
        this.certificate = certificate;
        this.profile = profile;
        this.clock = clock;
    }

    /**
     * Key ceremony step: generates the CA key in the vault and self-signs its certificate
     * ({@code CN=commonName, O=organization}; basicConstraints CA, pathLen 0; keyCertSign, cRLSign). Refuses an
     * existing label (KEY_EXISTS).
     */
    public static FactoryCa create(KeyVault vault, KeyLabel key, String commonName, CertificateProfile profile,
                                   Clock clock) {
        requireCaRole(key);
        vault.generateKeyPair(key, "ceremony:create-ca");
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, profile.organization())
                .addRDN(BCStyle.CN, commonName).build();
        PublicKey pub = vault.publicKey(key);
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(name, now.minus(profile.backdate()), now.plus(profile.caValidity()),
                    name, pub)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pub));
            X509CertificateHolder cert = b.build(new VaultContentSigner(vault, key));
            vault.storeCertificate(key, cert.getEncoded());
            return new FactoryCa(vault, key, cert, profile, clock);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new VaultException(VaultError.BAD_REQUEST, null, "cannot build the CA certificate", e);
        }
    }

    /** The CA whose key and certificate are already in the vault. */
    public static FactoryCa load(KeyVault vault, KeyLabel key, CertificateProfile profile, Clock clock) {
        requireCaRole(key);
        byte[] der = vault.certificate(key).orElseThrow(() -> new VaultException(VaultError.KEY_NOT_FOUND,
                "no CA certificate stored for " + key));
        try {
            return new FactoryCa(vault, key, new X509CertificateHolder(der), profile, clock);
        } catch (IOException e) {
            throw new VaultException(VaultError.TOKEN_ERROR, null, "the stored CA certificate is unreadable", e);
        }
    }

    public X509CertificateHolder certificate() {
        return certificate;
    }

    /**
     * Issues a device certificate: subject {@code CN=<MAC>, OU=<work order>, O=<organization>}; keyUsage
     * digitalSignature + keyAgreement; extendedKeyUsage clientAuth; subject and authority key identifiers; a random
     * 128-bit serial. Not idempotent by itself: the caller stores the result in the vault.
     */
    public X509CertificateHolder issueDevice(MacAddress mac, String workOrderId, PublicKey deviceKey) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, profile.organization())
                .addRDN(BCStyle.OU, workOrderId).addRDN(BCStyle.CN, mac.toString()).build();
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(certificate.getSubject(), now.minus(profile.backdate()),
                    now.plus(profile.validity()), subject, deviceKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(deviceKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate.getSubjectPublicKeyInfo()));
            return b.build(new VaultContentSigner(vault, key));
        } catch (CertIOException | java.security.NoSuchAlgorithmException e) {
            throw new VaultException(VaultError.BAD_REQUEST, null, "cannot build a device certificate for " + mac, e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, Instant from, Instant to, X500Name subject,
                                                    PublicKey key) {
        byte[] serial = new byte[16];
        RANDOM.nextBytes(serial);
        return new X509v3CertificateBuilder(issuer, new BigInteger(1, serial), Date.from(from), Date.from(to), subject,
                SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    private static void requireCaRole(KeyLabel key) {
        if (key.role() != KeyRole.FACTORY_CA) {
            throw new VaultException(VaultError.POLICY_REFUSED, key + " is not a FACTORY_CA key");
        }
    }
}
