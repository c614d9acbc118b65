package io.fuseline.hsm.vault.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PRIVATE_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PRIVATE_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PUBLIC_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_SECRET_KEY;

import io.fuseline.hsm.policy.KeyPolicy;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.testing.SoftHsmToken;
import io.fuseline.hsm.vault.KeyAttributes;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyType;
import io.fuseline.schemas.envelope.KeyCheckValue;
import iaik.pkcs.pkcs11.wrapper.CK_ATTRIBUTE;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.Session;

/**
 * Reads back, beneath the vault, what SoftHSM2 recorded for a key of every generated role, and shows that the value
 * of a sensitive key cannot be read: the token answers CKR_ATTRIBUTE_SENSITIVE.
 */
class Pkcs11KeyAttributesIT {
    private static final Map<KeyRole, KeyLabel> KEYS = new EnumMap<>(KeyRole.class);

    @BeforeAll
    static void generateOneKeyPerRole() {
        Assumptions.assumeTrue(SoftHsmToken.installed(), "SoftHSM2 is not installed");
        SoftHsmToken.shared().wipe();
        try (Pkcs11KeyVault vault = Pkcs11KeyVault.open(SoftHsmToken.shared().config())) {
            for (KeyRole role : KeyRole.values()) {
                if (role == KeyRole.STATION_ENROLLMENT) {
                    continue;
                }
                KeyLabel label = new KeyLabel(role, "attributes-" + role.name().toLowerCase());
                if (KeyType.of(role) == KeyType.SECRET) {
                    vault.generateSecret(label, 32, "attributes-test");
                } else {
                    vault.generateKeyPair(label, "attributes-test");
                }
                KEYS.put(role, label);
            }
        }
    }

    private static long classOf(KeyRole role) {
        return KeyType.of(role) == KeyType.SECRET ? CKO_SECRET_KEY : CKO_PRIVATE_KEY;
    }

    @Test
    void everyKeyCarriesWhatItsPolicySays() throws Exception {
        try (Closing c = new Closing(SoftHsmToken.shared().openSession())) {
            Session s = c.session();
            for (var e : KEYS.entrySet()) {
                long h = Pkcs11Objects.find(s, classOf(e.getKey()), e.getValue()).orElseThrow();
                KeyAttributes read = Pkcs11Objects.attributes(s, h);
                KeyPolicy policy = KeyPolicy.of(e.getKey());
                assertThat(read).as("%s as read from the token", e.getKey()).isEqualTo(KeyAttributes.expectedFor(policy));
                assertThat(read.sensitive()).as("%s CKA_SENSITIVE", e.getKey()).isTrue();
                assertThat(read.alwaysSensitive()).as("%s CKA_ALWAYS_SENSITIVE", e.getKey()).isTrue();
                assertThat(read.neverExtractable()).as("%s CKA_NEVER_EXTRACTABLE", e.getKey()).isEqualTo(!policy.extractable());
                assertThat(read.token()).as("%s CKA_TOKEN", e.getKey()).isTrue();
                assertThat(read.local()).as("%s CKA_LOCAL", e.getKey()).isTrue();
                assertThat(s.getAttrValues(h, PKCS11Constants.CKA_WRAP_WITH_TRUSTED).wrapWithTrusted()).isFalse();
                assertThat(s.getAttrValues(h, PKCS11Constants.CKA_MODIFIABLE).modifiable()).isFalse();
            }
            for (KeyRole signer : new KeyRole[] {KeyRole.SECURE_BOOT_SIGNING, KeyRole.FACTORY_CA, KeyRole.AUDIT_CHECKPOINT}) {
                long h = Pkcs11Objects.find(s, CKO_PRIVATE_KEY, KEYS.get(signer)).orElseThrow();
                assertThat(s.getAttrValues(h, PKCS11Constants.CKA_EXTRACTABLE).extractable()).isFalse();
                assertThat(s.getAttrValues(h, PKCS11Constants.CKA_SIGN).sign()).isTrue();
                assertThat(s.getAttrValues(h, PKCS11Constants.CKA_COPYABLE).copyable()).as("%s CKA_COPYABLE", signer)
                        .isFalse();
            }
        }
    }

    @Test
    void aDeviceIdentityIsOneTokenObjectThatCarriesItsPublicKey() throws Exception {
        KeyLabel identity = KEYS.get(KeyRole.DEVICE_IDENTITY);
        try (Closing c = new Closing(SoftHsmToken.shared().openSession());
             Pkcs11KeyVault vault = Pkcs11KeyVault.open(SoftHsmToken.shared().config())) {
            Session s = c.session();
            long h = Pkcs11Objects.find(s, CKO_PRIVATE_KEY, identity).orElseThrow();
            assertThat(Pkcs11Objects.find(s, CKO_PUBLIC_KEY, identity)).as("a public token object").isEmpty();
            assertThat(Pkcs11Objects.publicKeyInfo(s, h, KeyType.EC_P256)).hasValue(vault.publicKey(identity));
            assertThat(vault.find(identity).orElseThrow().kcv())
                    .isEqualTo(KeyCheckValue.ofPublicKey(vault.publicKey(identity)));
            // signing keys keep their public half as a token object of its own
            assertThat(Pkcs11Objects.find(s, CKO_PUBLIC_KEY, KEYS.get(KeyRole.FACTORY_CA))).isPresent();
        }
    }

    @Test
    void theValueOfASensitiveKeyCannotBeRead() throws Exception {
        try (Closing c = new Closing(SoftHsmToken.shared().openSession())) {
            Session s = c.session();
            for (var e : KEYS.entrySet()) {
                long h = Pkcs11Objects.find(s, classOf(e.getKey()), e.getValue()).orElseThrow();
                CK_ATTRIBUTE value = new CK_ATTRIBUTE();
                value.type = KeyType.of(e.getKey()) == KeyType.RSA_3072 ? CKA_PRIVATE_EXPONENT : CKA_VALUE;
                Throwable t = catchThrowable(() -> s.getModule().getPKCS11Module().C_GetAttributeValue(
                        s.getSessionHandle(), h, new CK_ATTRIBUTE[] {value}, true));
                assertThat(t).as("%s value", e.getKey()).isInstanceOf(iaik.pkcs.pkcs11.wrapper.PKCS11Exception.class);
                long code = ((iaik.pkcs.pkcs11.wrapper.PKCS11Exception) t).getErrorCode();
                assertThat(PKCS11Constants.ckrCodeToName(code)).isEqualTo("CKR_ATTRIBUTE_SENSITIVE");
                assertThat(value.pValue).isNull();
            }
        }
    }

    /** Session is not AutoCloseable; this closes it in try-with-resources. */
    private record Closing(Session session) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            session.closeSession();
        }
    }
}
