package io.fuseline.schemas.validation;

import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.SecretSpec;

/** KeyMaterialRequested: a unicast MAC and secrets whose purposes fit their kind and the unit's chip. */
final class KeyMaterialRequestedValidator implements MessageValidator<KeyMaterialRequested> {
    @Override
    public void validate(KeyMaterialRequested m, RuleCheck check) {
        check.unicastMac(m.mac(), "/mac");
        for (int i = 0; i < m.secrets().size(); i++) {
            SecretSpec s = m.secrets().get(i);
            SecretRules.purposeFits(s.kind(), s.purpose(), m.chip(), "/secrets/" + i + "/purpose", check);
        }
        SecretRules.purposesConsistent(m.secrets().stream().map(SecretSpec::purpose).toList(), "/secrets", check);
    }
}
