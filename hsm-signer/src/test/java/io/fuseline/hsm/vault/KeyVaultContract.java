package io.fuseline.hsm.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.hsm.policy.KeyPolicy;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.fuseline.schemas.envelope.EnvelopeException;
import io.fuseline.schemas.envelope.KeyCheckValue;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.envelope.StationUnwrapper;
import io.fuseline.schemas.message.SecretKind;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KeyVault} does, run against each implementation. Subclasses give a fresh, empty vault per test
 * and a second vault instance over the same storage.
 */
public abstract class KeyVaultContract {
    protected static final KeyLabel CA = new KeyLabel(KeyRole.FACTORY_CA, "factory-ca-test");
    protected static final KeyLabel AUDIT = new KeyLabel(KeyRole.AUDIT_CHECKPOINT, "audit-test");
    protected static final KeyLabel NVS = new KeyLabel(KeyRole.DEVICE_NVS_ENCRYPTION, "24:0a:c4:12:34:56/nvs#1");
    protected static final KeyLabel IDENTITY = new KeyLabel(KeyRole.DEVICE_IDENTITY, "24:0a:c4:12:34:56/identity#1");

    /** The vault under test, empty at the start of each test. */
    protected abstract KeyVault vault();

    /** A second vault instance over the same keys (a restart); the caller closes it. */
    protected abstract KeyVault reopen();

    protected static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes());
    }

    protected static VaultError errorOf(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(VaultException.class);
        return ((VaultException) t).error();
    }

    @Test
    void signingKeysAreGeneratedInsideWithThePolicysAttributesAndSign() throws Exception {
        VaultKey ca = vault().generateKeyPair(CA, "ceremony");
        assertThat(ca.type()).isEqualTo(KeyType.EC_P256);
        assertThat(ca.attributes()).isEqualTo(KeyAttributes.expectedFor(KeyPolicy.of(KeyRole.FACTORY_CA)));
        assertThat(ca.requestId()).isEqualTo("ceremony");
        PublicKey pub = vault().publicKey(CA);
        assertThat(ca.kcv()).isEqualTo(KeyCheckValue.ofPublicKey(pub));

        byte[] digest = sha256("checkpoint 42");
        byte[] sig = vault().signDigest(CA, digest);
        assertThat(sig).hasSize(64);
        Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
        v.initVerify(pub);
        v.update("checkpoint 42".getBytes());
        assertThat(v.verify(sig)).isTrue();
    }

    @Test
    void theAuditKeySignsCheckpointStatementsOnlyAndTheyVerifyWithItsPublicKey() throws Exception {
        vault().generateKeyPair(AUDIT, "ceremony");
        PublicKey pub = vault().publicKey(AUDIT);
        String hash = HexFormat.of().formatHex(sha256("record 41"));

        byte[] signature = vault().signCheckpoint(AUDIT, 41, hash);
        assertThat(CheckpointStatement.isDerShaped(signature)).isTrue();
        assertThat(CheckpointStatement.verify(pub, 41, hash, signature)).isTrue();
        assertThat(CheckpointStatement.verify(pub, 42, hash, signature)).isFalse();
        try (KeyVault again = reopen()) {
            assertThat(CheckpointStatement.verify(pub, 7, hash, again.signCheckpoint(AUDIT, 7, hash))).isTrue();
        }

        // Nothing but a statement the vault built: no caller's digest, no malformed statement, no other key.
        assertThat(errorOf(() -> vault().signDigest(AUDIT, CheckpointStatement.digest(41, hash))))
                .isEqualTo(VaultError.POLICY_REFUSED);
        assertThat(errorOf(() -> vault().signCheckpoint(AUDIT, -1, hash))).isEqualTo(VaultError.BAD_REQUEST);
        assertThat(errorOf(() -> vault().signCheckpoint(AUDIT, 41, hash + " 42 " + hash)))
                .isEqualTo(VaultError.BAD_REQUEST);
        vault().generateKeyPair(CA, "ceremony");
        assertThat(errorOf(() -> vault().signCheckpoint(CA, 41, hash))).isEqualTo(VaultError.POLICY_REFUSED);
        assertThat(errorOf(() -> vault().signCheckpoint(new KeyLabel(KeyRole.AUDIT_CHECKPOINT, "absent"), 41, hash)))
                .isEqualTo(VaultError.KEY_NOT_FOUND);
    }

    @Test
    void theSecureBootKeyIsRsa3072AndSignsPssOverTheDigest() throws Exception {
        KeyLabel sb = new KeyLabel(KeyRole.SECURE_BOOT_SIGNING, "sb-v2-test");
        VaultKey key = vault().generateKeyPair(sb, "ceremony");
        assertThat(key.type()).isEqualTo(KeyType.RSA_3072);
        RSAPublicKey pub = (RSAPublicKey) vault().publicKey(sb);
        assertThat(pub.getModulus().bitLength()).isEqualTo(3072);
        byte[] sig = vault().signDigest(sb, sha256("bootloader"));
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        pss.initVerify(pub);
        pss.update("bootloader".getBytes());
        assertThat(pss.verify(sig)).isTrue();
    }

    @Test
    void noKeyIsEverOverwritten() {
        vault().generateKeyPair(AUDIT, "ceremony");
        vault().generateSecret(NVS, 64, "kmr-1");
        assertThat(errorOf(() -> vault().generateKeyPair(AUDIT, "again"))).isEqualTo(VaultError.KEY_EXISTS);
        assertThat(errorOf(() -> vault().generateSecret(NVS, 64, "kmr-2"))).isEqualTo(VaultError.KEY_EXISTS);
        assertThat(vault().find(NVS).orElseThrow().requestId()).isEqualTo("kmr-1");
    }

    @Test
    void rolesDecideWhatAKeyMayDo() throws Exception {
        vault().generateSecret(NVS, 64, "kmr-1");
        vault().generateKeyPair(CA, "ceremony");
        KeyPair station = P256.generate();
        vault().enrollStation("st-01", station.getPublic());
        assertThat(errorOf(() -> vault().signDigest(NVS, sha256("x")))).isEqualTo(VaultError.POLICY_REFUSED);
        assertThat(errorOf(() -> vault().wrapForStation(CA, "st-01", SecretKind.DEVICE_IDENTITY_KEY)))
                .isEqualTo(VaultError.POLICY_REFUSED);
        assertThat(errorOf(() -> vault().generateSecret(new KeyLabel(KeyRole.FACTORY_CA, "x"), 32, "r")))
                .isEqualTo(VaultError.POLICY_REFUSED);
        assertThat(errorOf(() -> vault().generateKeyPair(new KeyLabel(KeyRole.DEVICE_NVS_ENCRYPTION, "x"), "r")))
                .isEqualTo(VaultError.POLICY_REFUSED);
    }

    @Test
    void aSecretLeavesOnlyWrappedForAnEnrolledStationWhichAloneOpensIt() {
        VaultKey nvs = vault().generateSecret(NVS, 64, "kmr-1");
        assertThat(nvs.length()).isEqualTo(64);
        assertThat(nvs.attributes()).isEqualTo(KeyAttributes.expectedFor(KeyPolicy.of(KeyRole.DEVICE_NVS_ENCRYPTION)));
        KeyPair station = P256.generate();
        assertThat(errorOf(() -> vault().wrapForStation(NVS, "st-01", SecretKind.NVS_ENCRYPTION_KEY)))
                .isEqualTo(VaultError.STATION_NOT_ENROLLED);
        vault().enrollStation("st-01", station.getPublic());

        KeyEnvelope envelope = KeyEnvelope.fromBase64(
                vault().wrapForStation(NVS, "st-01", SecretKind.NVS_ENCRYPTION_KEY).toBase64());
        assertThat(envelope.header().kcv()).isEqualTo(nvs.kcv());
        try (SecretBytes opened = new StationUnwrapper(station.getPrivate(), station.getPublic()).unwrap(envelope)) {
            assertThat(opened.length()).isEqualTo(64);
            assertThat(opened.kcv()).isEqualTo(nvs.kcv());
        }
        KeyPair other = P256.generate();
        assertThatThrownBy(() -> new StationUnwrapper(other.getPrivate(), other.getPublic()).unwrap(envelope))
                .isInstanceOf(EnvelopeException.class)
                .extracting(e -> ((EnvelopeException) e).reason()).isEqualTo(EnvelopeException.Reason.WRONG_STATION);
        // wrapped twice: other envelopes, the same key
        KeyEnvelope again = vault().wrapForStation(NVS, "st-01", SecretKind.NVS_ENCRYPTION_KEY);
        assertThat(again).isNotEqualTo(envelope);
        assertThat(again.header().kcv()).isEqualTo(envelope.header().kcv());
    }

    @Test
    void anIdentityKeyIsWrappedAsPkcs8ThatPairsWithItsPublicKey() {
        VaultKey id = vault().generateKeyPair(IDENTITY, "kmr-1");
        KeyPair station = P256.generate();
        vault().enrollStation("st-01", station.getPublic());
        KeyEnvelope envelope = vault().wrapForStation(IDENTITY, "st-01", SecretKind.DEVICE_IDENTITY_KEY);
        assertThat(envelope.header().kcv()).isEqualTo(id.kcv());
        try (SecretBytes pkcs8 = new StationUnwrapper(station.getPrivate(), station.getPublic())
                .unwrapIdentityKey(envelope, vault().publicKey(IDENTITY))) {
            assertThat(pkcs8.length()).isGreaterThan(60);
        }
    }

    @Test
    void enrollmentIsIdempotentForTheSameKeyAndRefusesAnother() {
        KeyPair station = P256.generate();
        VaultKey first = vault().enrollStation("st-01", station.getPublic());
        VaultKey second = vault().enrollStation("st-01", station.getPublic());
        assertThat(second.kcv()).isEqualTo(first.kcv()).isEqualTo(KeyCheckValue.ofPublicKey(station.getPublic()));
        assertThat(first.attributes().local()).isFalse();
        assertThat(errorOf(() -> vault().enrollStation("st-01", P256.generate().getPublic())))
                .isEqualTo(VaultError.STATION_KEY_MISMATCH);
        assertThat(vault().publicKey(KeyLabel.station("st-01"))).isEqualTo(station.getPublic());
    }

    @Test
    void certificatesAreStoredOnceBesideTheirKey() {
        vault().generateKeyPair(IDENTITY, "kmr-1");
        assertThat(vault().certificate(IDENTITY)).isEmpty();
        byte[] der = SelfSigned.certificateFor(vault().publicKey(IDENTITY));
        vault().storeCertificate(IDENTITY, der);
        assertThat(vault().certificate(IDENTITY)).hasValue(der);
        assertThat(errorOf(() -> vault().storeCertificate(IDENTITY, der))).isEqualTo(VaultError.KEY_EXISTS);
    }

    @Test
    void destroyedKeysAreGoneForGood() throws Exception {
        vault().generateSecret(NVS, 32, "kmr-1");
        vault().generateKeyPair(IDENTITY, "kmr-1");
        vault().storeCertificate(IDENTITY, SelfSigned.certificateFor(vault().publicKey(IDENTITY)));
        vault().destroy(NVS);
        vault().destroy(IDENTITY);
        assertThat(vault().find(NVS)).isEmpty();
        assertThat(vault().find(IDENTITY)).isEmpty();
        assertThat(errorOf(() -> vault().publicKey(IDENTITY))).isEqualTo(VaultError.KEY_NOT_FOUND);
        assertThat(errorOf(() -> vault().destroy(NVS))).isEqualTo(VaultError.KEY_NOT_FOUND);
        vault().generateKeyPair(IDENTITY, "kmr-2"); // the label is free again, certificate included
        assertThat(vault().certificate(IDENTITY)).isEmpty();
    }

    @Test
    void keysAreListedAndSurviveARestart() {
        VaultKey ca = vault().generateKeyPair(CA, "ceremony");
        VaultKey nvs = vault().generateSecret(NVS, 64, "kmr-1");
        VaultKey identity = vault().generateKeyPair(IDENTITY, "kmr-1");
        VaultKey station = vault().enrollStation("st-01", P256.generate().getPublic());
        assertThat(vault().list()).containsExactlyInAnyOrder(ca, nvs, identity, station);
        try (KeyVault again = reopen()) {
            assertThat(again.list()).containsExactlyInAnyOrder(ca, nvs, identity, station);
            assertThat(again.find(NVS)).hasValue(nvs);
            assertThat(again.find(IDENTITY)).hasValue(identity);
            assertThat(again.publicKey(IDENTITY)).isEqualTo(vault().publicKey(IDENTITY));
            assertThat(again.publicKey(CA)).isEqualTo(vault().publicKey(CA));
        }
    }

    @Test
    void secretLengthsOutsideTheVaultsRangeAreRefused() {
        assertThat(errorOf(() -> vault().generateSecret(NVS, 65, "r"))).isEqualTo(VaultError.BAD_REQUEST);
        assertThat(errorOf(() -> vault().generateSecret(NVS, 8, "r"))).isEqualTo(VaultError.BAD_REQUEST);
    }
}
