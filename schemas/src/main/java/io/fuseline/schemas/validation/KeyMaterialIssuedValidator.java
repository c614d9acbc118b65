package io.fuseline.schemas.validation;

import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.SecretKind;

/**
 * KeyMaterialIssued: wrapped keys that fit the chip, and a certificate exactly when an identity key was issued,
 * which is a certificate and nothing else (a PEM private key in that field would be plaintext key material).
 */
final class KeyMaterialIssuedValidator implements MessageValidator<KeyMaterialIssued> {
    @Override
    public void validate(KeyMaterialIssued m, RuleCheck check) {
        check.unicastMac(m.mac(), "/mac");
        check.sha256(m.wrappingKeyFingerprint(), "/wrappingKeyFingerprint");
        SecretRules.wrappedKeys(m.wrappedKeys(), m.chip(), "/wrappedKeys", check);
        boolean identity = m.wrappedKeys().stream().anyMatch(k -> k.kind() == SecretKind.DEVICE_IDENTITY_KEY);
        check.require(identity == (m.certificatePem() != null), "/certificatePem",
                "is present exactly when a DEVICE_IDENTITY_KEY is issued");
        if (m.certificatePem() != null) {
            PemRules.certificate(m.certificatePem(), "/certificatePem", check);
        }
    }
}
