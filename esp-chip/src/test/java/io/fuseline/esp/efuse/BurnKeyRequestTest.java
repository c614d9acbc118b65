package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BurnKeyRequestTest {
    private static EfuseKey key(int length) {
        return EfuseKey.copyOf(new byte[length]);
    }

    @Test
    void readsEspefuseBurnKeyArgumentsTheWayEspefuseDoes() {
        assertThat(BurnRequest.burnKey("flash_encryption", null, key(32), KeyProtection.DEFAULT))
                .isInstanceOfSatisfying(BurnRequest.BurnKey.class, k -> assertThat(k.purpose()).isNull());
        assertThat(BurnRequest.burnKey("BLOCK_KEY0", "xts_aes_128_key", key(32), KeyProtection.DEFAULT))
                .isInstanceOfSatisfying(BurnRequest.BurnKey.class,
                        k -> assertThat(k.purpose()).isEqualTo(KeyPurpose.XTS_AES_128_KEY));
        assertThat(BurnRequest.burnKey("BLOCK_KEY1", "XTS_AES_256_KEY", key(64), KeyProtection.NONE))
                .isInstanceOf(BurnRequest.BurnXtsAes256Key.class);
    }

    @Test
    void anUnknownPurposeNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> BurnRequest.burnKey("BLOCK_KEY0", "XTS_512", key(32), KeyProtection.DEFAULT))
                .hasMessageContaining("XTS_512").hasMessageContaining("XTS_AES_128_KEY");
    }

    @Test
    void espefuseFlagsMapToProtection() {
        assertThat(KeyProtection.fromEspefuseFlags(true, false, false)).isEqualTo(KeyProtection.NONE);
        assertThat(KeyProtection.fromEspefuseFlags(false, false, true)).isEqualTo(KeyProtection.WRITE_ONLY);
        assertThat(KeyProtection.fromEspefuseFlags(false, false, false)).isEqualTo(KeyProtection.DEFAULT);
    }
}
