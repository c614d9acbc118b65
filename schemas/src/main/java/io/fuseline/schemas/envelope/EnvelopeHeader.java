package io.fuseline.schemas.envelope;

import io.fuseline.schemas.message.SecretKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Everything an envelope says about its secret except the wrapped bytes; all of it is bound into the KEK
 * ({@link #fixedInfo()}), so none of it can be altered without the unwrap failing. Nothing here is secret.
 *
 * @param scheme             how the secret is wrapped
 * @param kind               what the secret is
 * @param stationFingerprint SHA-256 of the station's enrolled public key (SubjectPublicKeyInfo DER), 32 bytes
 * @param ephemeralPoint     the vault's ephemeral P-256 public key, 65 bytes uncompressed
 * @param kcv                the secret's key check value ({@link KeyCheckValue}), 16 hex digits
 */
public record EnvelopeHeader(WrapScheme scheme, SecretKind kind, byte[] stationFingerprint, byte[] ephemeralPoint,
                             String kcv) {
    /** Bytes of {@link #encode()}. */
    public static final int BYTES = 4 + 4 + 32 + P256.POINT_BYTES + KeyCheckValue.BYTES;
    static final byte[] MAGIC = {'F', 'L', 'K', 'E'};
    static final int VERSION = 1;
    private static final byte[] KDF_DOMAIN = "fuseline/key-envelope/v1".getBytes(StandardCharsets.US_ASCII);

    public EnvelopeHeader {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(kind, "kind");
        if (stationFingerprint.length != 32) {
            throw new IllegalArgumentException("a station fingerprint has 32 bytes");
        }
        if (ephemeralPoint.length != P256.POINT_BYTES) {
            throw new IllegalArgumentException("an ephemeral point has 65 bytes");
        }
        KeyCheckValue.requireValid(kcv);
        stationFingerprint = stationFingerprint.clone();
        ephemeralPoint = ephemeralPoint.clone();
    }

    @Override
    public byte[] stationFingerprint() {
        return stationFingerprint.clone();
    }

    @Override
    public byte[] ephemeralPoint() {
        return ephemeralPoint.clone();
    }

    /** magic "FLKE", version, scheme id, kind code, 0, station fingerprint, ephemeral point, kcv. */
    public byte[] encode() {
        return ByteBuffer.allocate(BYTES).put(MAGIC).put((byte) VERSION).put((byte) scheme.id())
                .put((byte) kindCode(kind)).put((byte) 0).put(stationFingerprint).put(ephemeralPoint)
                .put(HexFormat.of().parseHex(kcv)).array();
    }

    /** The 32-byte KDF input: {@code SHA-256("fuseline/key-envelope/v1" || encode())}. */
    public byte[] fixedInfo() {
        MessageDigest sha = KeyCheckValue.sha256();
        sha.update(KDF_DOMAIN);
        return sha.digest(encode());
    }

    /** Stable one-byte codes for the secret kinds (never the enum ordinal). */
    static int kindCode(SecretKind kind) {
        return switch (kind) {
            case FLASH_ENCRYPTION_KEY -> 1;
            case HMAC_KEY -> 2;
            case NVS_ENCRYPTION_KEY -> 3;
            case DEVICE_IDENTITY_KEY -> 4;
        };
    }

    static SecretKind kindOf(int code) {
        return Arrays.stream(SecretKind.values()).filter(k -> kindCode(k) == code).findFirst()
                .orElseThrow(() -> new EnvelopeException(EnvelopeException.Reason.MALFORMED, "unknown secret kind " + code));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvelopeHeader h && scheme == h.scheme && kind == h.kind && kcv.equals(h.kcv)
                && Arrays.equals(stationFingerprint, h.stationFingerprint) && Arrays.equals(ephemeralPoint, h.ephemeralPoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, kind, kcv, Arrays.hashCode(stationFingerprint));
    }

    @Override
    public String toString() {
        return "EnvelopeHeader[" + scheme + ", " + kind + ", kcv " + kcv + ", station "
                + HexFormat.of().formatHex(stationFingerprint, 0, 8) + "…]";
    }
}
