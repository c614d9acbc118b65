package io.fuseline.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.schemas.envelope.EnvelopeException.Reason;
import io.fuseline.schemas.message.SecretKind;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyEnvelopeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyPair station = P256.generate();
    private final StationUnwrapper unwrapper = new StationUnwrapper(station.getPrivate(), station.getPublic());

    private static SecretBytes secret(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return SecretBytes.adopt(b);
    }

    @Test
    void theRightStationOpensWhatWasSealedForIt() {
        for (int length : new int[] {32, 64}) {
            try (SecretBytes secret = secret(length)) {
                KeyEnvelope envelope = EnvelopeSealer.seal(secret, SecretKind.NVS_ENCRYPTION_KEY, secret.kcv(),
                        station.getPublic());
                KeyEnvelope travelled = KeyEnvelope.fromBase64(envelope.toBase64());
                assertThat(travelled).isEqualTo(envelope);
                try (SecretBytes opened = unwrapper.unwrap(travelled)) {
                    assertThat(opened.copy()).isEqualTo(secret.copy());
                    assertThat(opened.kcv()).isEqualTo(secret.kcv()).hasSize(16);
                }
            }
        }
    }

    @Test
    void anotherStationIsRefusedCleanly() {
        KeyEnvelope envelope;
        try (SecretBytes secret = secret(32)) {
            envelope = EnvelopeSealer.seal(secret, SecretKind.FLASH_ENCRYPTION_KEY, secret.kcv(), station.getPublic());
        }
        KeyPair other = P256.generate();
        assertThatThrownBy(() -> new StationUnwrapper(other.getPrivate(), other.getPublic()).unwrap(envelope))
                .isInstanceOf(EnvelopeException.class)
                .satisfies(e -> assertThat(((EnvelopeException) e).reason()).isEqualTo(Reason.WRONG_STATION))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        // a station that claims the right public key but holds another private key fails the integrity check
        assertThatThrownBy(() -> new StationUnwrapper(other.getPrivate(), station.getPublic()).unwrap(envelope))
                .isInstanceOf(EnvelopeException.class)
                .satisfies(e -> assertThat(((EnvelopeException) e).reason()).isEqualTo(Reason.UNWRAP_FAILED))
                .hasNoCause();
    }

    @Test
    void anAlteredHeaderOrBodyFailsTheIntegrityCheck() {
        KeyEnvelope envelope;
        try (SecretBytes secret = secret(32)) {
            envelope = EnvelopeSealer.seal(secret, SecretKind.FLASH_ENCRYPTION_KEY, secret.kcv(), station.getPublic());
        }
        byte[] asKind = envelope.encode();
        asKind[6] = 2; // claim an HMAC key: the kind is bound into the KEK
        assertThatThrownBy(() -> unwrapper.unwrap(KeyEnvelope.decode(asKind)))
                .satisfies(e -> assertThat(((EnvelopeException) e).reason()).isEqualTo(Reason.UNWRAP_FAILED));
        byte[] body = envelope.encode();
        body[body.length - 1] ^= 1;
        assertThatThrownBy(() -> unwrapper.unwrap(KeyEnvelope.decode(body)))
                .satisfies(e -> assertThat(((EnvelopeException) e).reason()).isEqualTo(Reason.UNWRAP_FAILED));
    }

    @Test
    void malformedBytesAreNamedAsSuch() {
        assertThatThrownBy(() -> KeyEnvelope.decode(new byte[10]))
                .satisfies(e -> assertThat(((EnvelopeException) e).reason()).isEqualTo(Reason.MALFORMED));
        assertThatThrownBy(() -> KeyEnvelope.fromBase64("%%%"))
                .satisfies(e -> assertThat(((EnvelopeException) e).reason()).isEqualTo(Reason.MALFORMED));
        byte[] unknownScheme;
        try (SecretBytes secret = secret(32)) {
            unknownScheme = EnvelopeSealer.seal(secret, SecretKind.HMAC_KEY, secret.kcv(), station.getPublic()).encode();
        }
        unknownScheme[5] = 9;
        assertThatThrownBy(() -> KeyEnvelope.decode(unknownScheme))
                .satisfies(e -> assertThat(((EnvelopeException) e).reason()).isEqualTo(Reason.UNSUPPORTED_SCHEME));
    }

    @Test
    void anIdentityKeyOpensOnlyAgainstItsCertifiedKey() {
        KeyPair device = P256.generate();
        String kcv = KeyCheckValue.ofPublicKey(device.getPublic());
        KeyEnvelope envelope;
        try (SecretBytes pkcs8 = SecretBytes.adopt(device.getPrivate().getEncoded(), kcv)) {
            envelope = EnvelopeSealer.seal(pkcs8, SecretKind.DEVICE_IDENTITY_KEY, kcv, station.getPublic());
        }
        assertThatThrownBy(() -> unwrapper.unwrap(envelope))
                .satisfies(e -> assertThat(((EnvelopeException) e).reason()).isEqualTo(Reason.NEEDS_CERTIFIED_KEY));
        assertThatThrownBy(() -> unwrapper.unwrapIdentityKey(envelope, P256.generate().getPublic()))
                .satisfies(e -> assertThat(((EnvelopeException) e).reason()).isEqualTo(Reason.KEY_MISMATCH));
        try (SecretBytes opened = unwrapper.unwrapIdentityKey(envelope, device.getPublic())) {
            assertThat(opened.copy()).isEqualTo(device.getPrivate().getEncoded());
        }
    }

    @Test
    void noTextShowsTheSecret() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String hex = HexFormat.of().formatHex(raw);
        SecretBytes secret = SecretBytes.adopt(raw.clone());
        KeyEnvelope envelope = EnvelopeSealer.seal(secret, SecretKind.FLASH_ENCRYPTION_KEY, secret.kcv(),
                station.getPublic());
        assertThat(secret.toString()).contains(secret.kcv()).doesNotContain(hex.substring(0, 8));
        assertThat(envelope.toString()).doesNotContain(hex.substring(0, 8));
        secret.close();
        assertThat(secret.toString()).contains("zeroized");
        assertThatThrownBy(secret::copy).hasMessageNotContaining(hex.substring(0, 8));
    }

    @Test
    void pointsOffTheCurveAreRefused() {
        byte[] point = P256.encode(station.getPublic());
        point[64] ^= 1;
        assertThatThrownBy(() -> P256.decode(point)).hasMessageContaining("not on P-256");
    }
}
