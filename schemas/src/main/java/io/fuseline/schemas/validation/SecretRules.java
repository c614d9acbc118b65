package io.fuseline.schemas.validation;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.WrappedKey;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules shared by the messages that name per-device secrets (requested, issued, and copied into a job): which key
 * purposes fit which secret on which chip, and what a wrapped key must look like.
 */
final class SecretRules {
    /**
     * No wrapped key can be shorter: AES key wrap of a 256-bit key is 40 bytes, and wrapping to a station's public
     * key is longer still. A shorter "envelope" is most likely a raw key, which must never travel.
     */
    static final int MIN_ENVELOPE_BYTES = 40;

    private SecretRules() {}

    /** The purpose fits the secret kind and exists on the chip; secrets written to flash take no purpose. */
    static void purposeFits(SecretKind kind, KeyPurpose purpose, ChipFamily chip, String pointer, RuleCheck check) {
        if (!kind.burnedIntoEfuse()) {
            check.require(purpose == null, pointer, kind + " is written to flash and takes no key purpose");
            return;
        }
        check.require(purpose != null, pointer, kind + " is burned into a key block and needs a key purpose");
        boolean fits = kind == SecretKind.FLASH_ENCRYPTION_KEY
                ? purpose.isXtsKey() || purpose == KeyPurpose.ESP32_FLASH_ENCRYPTION
                : purpose.name().startsWith("HMAC_");
        check.require(fits, pointer, "key purpose " + purpose + " does not fit a " + kind);
        check.purposeOn(chip, purpose, pointer);
    }

    /** Each purpose at most once, and the two halves of an XTS-AES-256 key together. */
    static void purposesConsistent(List<KeyPurpose> purposes, String pointer, RuleCheck check) {
        Set<KeyPurpose> seen = EnumSet.noneOf(KeyPurpose.class);
        for (KeyPurpose p : purposes) {
            if (p != null) {
                check.require(seen.add(p), pointer, "key purpose " + p + " appears more than once");
            }
        }
        check.require(seen.contains(KeyPurpose.XTS_AES_256_KEY_1) == seen.contains(KeyPurpose.XTS_AES_256_KEY_2),
                pointer, "XTS_AES_256_KEY_1 and XTS_AES_256_KEY_2 are the two halves of one key: both or neither");
    }

    /** Every wrapped key fits its chip, has a unique id, and an envelope that can be a wrapped key at all. */
    static void wrappedKeys(List<WrappedKey> keys, ChipFamily chip, String pointer, RuleCheck check) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            WrappedKey key = keys.get(i);
            String at = pointer + "/" + i;
            check.require(ids.add(key.keyId()), at + "/keyId", "key id '" + key.keyId() + "' appears more than once");
            purposeFits(key.kind(), key.purpose(), chip, at + "/purpose", check);
            envelope(key.envelope(), at + "/envelope", check);
        }
        purposesConsistent(keys.stream().map(WrappedKey::purpose).toList(), pointer, check);
    }

    private static void envelope(String base64, String pointer, RuleCheck check) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw check.fail(pointer, "is not valid base64");
        }
        check.require(decoded.length >= MIN_ENVELOPE_BYTES, pointer, "an envelope of " + decoded.length
                + " bytes cannot hold a wrapped key (minimum " + MIN_ENVELOPE_BYTES + "); plaintext keys never travel");
    }
}
