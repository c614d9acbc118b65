package io.fuseline.hsm.material;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.SecretSpec;
import java.util.Locale;

/**
 * One per-device secret slot: what a device holds at most once per generation (docs/key-policy.md, "Per-device
 * material"). Sizes: flash-encryption keys 32 bytes per key block (ESP32 AES-256; XTS-AES-128 uses one 256-bit
 * block; XTS-AES-256 is 64 bytes issued as two 32-byte halves, KEY_1 and KEY_2), HMAC keys 32 bytes, NVS keys the
 * 64-byte {@code nvs_keys} payload, the identity key a P-256 pair.
 */
record SecretSlot(SecretKind kind, KeyPurpose purpose, KeyRole role, int length) {

    static SecretSlot of(SecretSpec spec, ChipFamily chip) {
        KeyPurpose p = spec.purpose();
        if (p != null && !p.availableOn(chip)) {
            throw bad("key purpose " + p + " does not exist on " + chip.displayName());
        }
        return switch (spec.kind()) {
            case FLASH_ENCRYPTION_KEY -> {
                if (p == null || !(p.isXtsKey() || p == KeyPurpose.ESP32_FLASH_ENCRYPTION)) {
                    throw bad("a flash-encryption key needs an XTS or ESP32 flash-encryption purpose, got " + p);
                }
                yield new SecretSlot(spec.kind(), p, KeyRole.DEVICE_FLASH_ENCRYPTION, 32);
            }
            case HMAC_KEY -> {
                if (p == null || !p.name().startsWith("HMAC_")) {
                    throw bad("an HMAC key needs an HMAC_* purpose, got " + p);
                }
                yield new SecretSlot(spec.kind(), p, KeyRole.DEVICE_HMAC, 32);
            }
            case NVS_ENCRYPTION_KEY -> new SecretSlot(spec.kind(), null, KeyRole.DEVICE_NVS_ENCRYPTION, 64);
            case DEVICE_IDENTITY_KEY -> new SecretSlot(spec.kind(), null, KeyRole.DEVICE_IDENTITY, 0);
        };
    }

    /** {@code <mac>/<kind>[.<purpose>]#<generation>}, e.g. {@code 24:0a:c4:12:34:56/flash_encryption_key.xts_aes_128_key#1}. */
    KeyLabel label(MacAddress mac, int generation) {
        String slot = kind.name().toLowerCase(Locale.ROOT)
                + (purpose == null ? "" : "." + purpose.name().toLowerCase(Locale.ROOT));
        return new KeyLabel(role, mac + "/" + slot + "#" + generation);
    }

    boolean isKeyPair() {
        return kind == SecretKind.DEVICE_IDENTITY_KEY;
    }

    private static VaultException bad(String why) {
        return new VaultException(VaultError.BAD_REQUEST, why);
    }
}
