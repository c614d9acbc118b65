package io.fuseline.hsm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class KeyPolicyTest {

    @Test
    void signingAndCaKeysAreSensitiveAndNeverExtractable() {
        for (KeyRole role : EnumSet.of(KeyRole.SECURE_BOOT_SIGNING, KeyRole.FACTORY_CA, KeyRole.AUDIT_CHECKPOINT)) {
            KeyPolicy p = KeyPolicy.of(role);
            assertThat(p.sensitive()).as("%s sensitive", role).isTrue();
            assertThat(p.extractable()).as("%s extractable", role).isFalse();
            assertThat(p.destroyAfterUse()).as("%s destroyed after use", role).isFalse();
        }
    }

    @Test
    void deviceSecretsLeaveOnlyWrappedForAStationAndAreThenDestroyed() {
        for (KeyRole role : EnumSet.of(KeyRole.DEVICE_FLASH_ENCRYPTION, KeyRole.DEVICE_NVS_ENCRYPTION,
                KeyRole.DEVICE_IDENTITY)) {
            KeyPolicy p = KeyPolicy.of(role);
            assertThat(p.sensitive()).isTrue();
            assertThat(p.wrapOnlyForStation()).isTrue();
            assertThat(p.destroyAfterUse()).isTrue();
        }
    }

    @Test
    void plaintextExportCannotBeExpressed() {
        assertThatThrownBy(() -> new KeyPolicy(true, true, false, true, false))
                .hasMessageContaining("wrap-only");
        assertThatThrownBy(() -> new KeyPolicy(false, true, true, true, false))
                .hasMessageContaining("sensitive");
    }

    @Test
    void everyRoleHasAPolicy() {
        for (KeyRole role : KeyRole.values()) {
            assertThat(KeyPolicy.of(role)).isNotNull();
        }
    }
}
