package io.fuseline.hsm.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.esp.secureboot.SignedImage;
import io.fuseline.hsm.ca.CertificateProfile;
import io.fuseline.hsm.ca.FactoryCa;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.secureboot.VaultSecureBootSigner;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.schemas.envelope.EnvelopeException;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.envelope.StationUnwrapper;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.SecretSpec;
import io.fuseline.schemas.message.WrappedKey;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-device material, the factory CA and Secure Boot signing, run on each vault. */
public abstract class IssuanceContract {
    public static final CertificateProfile PROFILE = new CertificateProfile("Fuseline Test Factory",
            Duration.ofDays(3650 * 2), Duration.ofHours(1), Duration.ofDays(3650 * 3));
    public static final KeyLabel CA = new KeyLabel(KeyRole.FACTORY_CA, "factory-ca");
    protected KeyPair station;
    protected FactoryCa ca;
    protected MaterialIssuer issuer;

    private KeyVault vault;

    /** A fresh, empty vault for one test; closed after it. */
    protected abstract KeyVault openVault();

    protected KeyVault vault() {
        return vault;
    }

    @org.junit.jupiter.api.AfterEach
    void closeVault() {
        if (vault != null) {
            vault.close();
        }
    }

    @BeforeEach
    void ceremony() {
        vault = openVault();
        station = P256.generate();
        vault().enrollStation("st-01", station.getPublic());
        ca = FactoryCa.create(vault(), CA, "Fuseline Test Factory CA", PROFILE, Clock.systemUTC());
        issuer = new MaterialIssuer(vault(), ca);
    }

    public static KeyMaterialRequested s3Request(String requestId, MacAddress mac, boolean reprovision) {
        return new KeyMaterialRequested(requestId, mac, ChipFamily.ESP32S3, "st-01", "wo-2026-17", "sensor-s3",
                reprovision, List.of(new SecretSpec(SecretKind.FLASH_ENCRYPTION_KEY, KeyPurpose.XTS_AES_256_KEY_1),
                new SecretSpec(SecretKind.FLASH_ENCRYPTION_KEY, KeyPurpose.XTS_AES_256_KEY_2),
                new SecretSpec(SecretKind.NVS_ENCRYPTION_KEY, null), new SecretSpec(SecretKind.DEVICE_IDENTITY_KEY, null)));
    }

    public static MacAddress mac(int n) {
        return new MacAddress(new byte[] {0x24, 0x0a, (byte) 0xc4, 0, (byte) (n >> 8), (byte) n});
    }

    protected static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes()));
    }

    @Test
    void anS3GetsXts256HalvesNvsKeysAndACertifiedIdentity() throws Exception {
        KeyMaterialIssued issued = issuer.issue(s3Request("kmr-1", mac(1), false));
        assertThat(issued.wrappingKeyFingerprint()).isEqualTo(P256.fingerprintHex(station.getPublic()));
        StationUnwrapper unwrapper = new StationUnwrapper(station.getPrivate(), station.getPublic());
        List<Integer> lengths = new ArrayList<>();
        X509Certificate cert = parse(issued.certificatePem());
        for (WrappedKey k : issued.wrappedKeys()) {
            KeyEnvelope env = KeyEnvelope.fromBase64(k.envelope());
            try (SecretBytes s = k.kind() == SecretKind.DEVICE_IDENTITY_KEY
                    ? unwrapper.unwrapIdentityKey(env, cert.getPublicKey()) : unwrapper.unwrap(env)) {
                lengths.add(s.length());
                assertThat(s.kcv()).isEqualTo(k.kcv());
            }
        }
        assertThat(lengths.subList(0, 3)).containsExactly(32, 32, 64);
        X509Certificate caCert = parse(pem(ca.certificate().getEncoded()));
        cert.verify(caCert.getPublicKey());
        caCert.verify(caCert.getPublicKey());
        assertThat(caCert.getBasicConstraints()).isZero();
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=24:0a:c4:00:00:01", "OU=wo-2026-17");
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[4]).as("keyAgreement").isTrue();
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getExtensionValue("2.5.29.35")).isNotNull(); // authority key id
        assertThat(cert.getExtensionValue("2.5.29.14")).isNotNull(); // subject key id
    }

    @Test
    void theSameRequestTwiceYieldsTheSameMaterialAndNeverASecondKey() throws Exception {
        KeyMaterialIssued first = issuer.issue(s3Request("kmr-1", mac(2), false));
        int keys = vault().list().size();
        KeyMaterialIssued again = issuer.issue(s3Request("kmr-1", mac(2), false));
        assertThat(again.wrappedKeys()).extracting(WrappedKey::kcv)
                .containsExactlyElementsOf(first.wrappedKeys().stream().map(WrappedKey::kcv).toList());
        assertThat(again.certificatePem()).isEqualTo(first.certificatePem());
        assertThat(vault().list()).hasSize(keys);

        Throwable refused = catchThrowable(() -> issuer.issue(s3Request("kmr-2", mac(2), false)));
        assertThat(refused).isInstanceOf(VaultException.class);
        assertThat(((VaultException) refused).error()).isEqualTo(VaultError.ALREADY_ISSUED);

        KeyMaterialIssued reissued = issuer.issue(s3Request("kmr-3", mac(2), true));
        assertThat(reissued.wrappedKeys()).extracting(WrappedKey::kcv)
                .doesNotContainAnyElementsOf(first.wrappedKeys().stream().map(WrappedKey::kcv).toList());
        assertThat(reissued.wrappedKeys()).extracting(WrappedKey::keyId).allMatch(id -> id.endsWith(".g2"));
        assertThat(issuer.issue(s3Request("kmr-3", mac(2), true)).certificatePem()).isEqualTo(reissued.certificatePem());
    }

    @Test
    void aHundredDevicesGetDistinctKeysValidCertificatesAndWrapsOnlyTheirStationOpens() throws Exception {
        X509Certificate caCert = parse(pem(ca.certificate().getEncoded()));
        StationUnwrapper right = new StationUnwrapper(station.getPrivate(), station.getPublic());
        KeyPair other = P256.generate();
        StationUnwrapper wrong = new StationUnwrapper(other.getPrivate(), station.getPublic());
        Set<String> kcvs = new HashSet<>();
        Set<String> serials = new HashSet<>();
        int wraps = 0;
        for (int n = 0; n < 100; n++) {
            KeyMaterialIssued issued = issuer.issue(s3Request("kmr-" + n, mac(100 + n), false));
            X509Certificate cert = parse(issued.certificatePem());
            cert.verify(caCert.getPublicKey());
            assertThat(serials.add(cert.getSerialNumber().toString())).isTrue();
            for (WrappedKey k : issued.wrappedKeys()) {
                assertThat(kcvs.add(k.kcv())).as("kcv %s unique", k.kcv()).isTrue();
                KeyEnvelope env = KeyEnvelope.fromBase64(k.envelope());
                if (k.kind() == SecretKind.DEVICE_IDENTITY_KEY) {
                    right.unwrapIdentityKey(env, cert.getPublicKey()).close();
                } else {
                    right.unwrap(env).close();
                }
                Throwable t = catchThrowable(() -> wrong.unwrap(env));
                assertThat(t).isInstanceOf(EnvelopeException.class);
                wraps++;
            }
        }
        assertThat(kcvs).hasSize(400);
        assertThat(wraps).isEqualTo(400);
    }

    @Test
    void secureBootImagesSignedInTheVaultVerifyWithEspChip() {
        KeyLabel sb = new KeyLabel(KeyRole.SECURE_BOOT_SIGNING, "secure-boot-v2");
        vault().generateKeyPair(sb, "ceremony:create-signing-key");
        VaultSecureBootSigner signer = new VaultSecureBootSigner(vault(), sb);
        byte[] image = new byte[10_000];
        new java.util.Random(7).nextBytes(image);
        byte[] signed = SignedImage.sign(image, List.of(signer));
        assertThat(SignedImage.verify(signed, signer.publicKey()).ok()).isTrue();
        assertThat(SignedImage.verifyAgainstKeyDigests(signed, List.of(signer.publicKeyDigest())).ok()).isTrue();
        assertThat(signer.publicKeyDigest()).hasSize(32);
        signed[5] ^= 1;
        assertThat(SignedImage.verify(signed, signer.publicKey()).ok()).isFalse();
    }

    @Test
    void anUnenrolledStationGetsNothing() {
        KeyMaterialRequested request = new KeyMaterialRequested("kmr-x", mac(9), ChipFamily.ESP32, "st-99", "wo", "r",
                false, List.of(new SecretSpec(SecretKind.FLASH_ENCRYPTION_KEY, KeyPurpose.ESP32_FLASH_ENCRYPTION)));
        Throwable t = catchThrowable(() -> issuer.issue(request));
        assertThat(((VaultException) t).error()).isEqualTo(VaultError.STATION_NOT_ENROLLED);
        assertThat(vault().list()).noneMatch(k -> k.label().name().startsWith(mac(9).toString()));
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
