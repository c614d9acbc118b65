package io.fuseline.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.ECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EcPrivateKeysTest {
    /**
     * A throw-away P-256 test key exactly as SoftHSM2 2.6.1 hands it back through CKM_AES_KEY_WRAP_PAD: PKCS#8 without
     * parameters or public key, followed by five zero bytes. JDK 17 accepts it; JDK 25's parser refuses it.
     */
    static final String SOFTHSM2_SHAPE = "3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420"
            + "41b6dce7df44fe6f45aae151e27cf114ba88fb7e3050bdcbf5bf3ef708fe440a" + "0000000000";

    @Test
    void readsTheShapeSoftHsm2WrapsOnEveryJdk() throws Exception {
        ECPrivateKey key = (ECPrivateKey) EcPrivateKeys.p256(HexFormat.of().parseHex(SOFTHSM2_SHAPE));
        assertThat(key.getS().toString(16)).isEqualTo("41b6dce7df44fe6f45aae151e27cf114ba88fb7e3050bdcbf5bf3ef708fe440a");
    }

    @Test
    void trimsTheTrailingZerosAndZeroizesTheOriginal() {
        byte[] padded = HexFormat.of().parseHex(SOFTHSM2_SHAPE);
        byte[] trimmed = EcPrivateKeys.withoutTrailingZeros(padded);
        assertThat(trimmed).hasSize(67);
        assertThat(HexFormat.of().formatHex(trimmed)).isEqualTo(SOFTHSM2_SHAPE.substring(0, 134));
        assertThat(padded).containsOnly(0);
    }

    @Test
    void leavesCanonicalOrNonZeroTailedInputAlone() {
        byte[] canonical = HexFormat.of().parseHex(SOFTHSM2_SHAPE.substring(0, 134));
        assertThat(EcPrivateKeys.withoutTrailingZeros(canonical)).isSameAs(canonical);
        byte[] junk = HexFormat.of().parseHex(SOFTHSM2_SHAPE.substring(0, 134) + "01");
        assertThat(EcPrivateKeys.withoutTrailingZeros(junk)).isSameAs(junk);
    }

    @Test
    void somethingElseIsRefusedAsAKeySpecProblem() {
        assertThatThrownBy(() -> EcPrivateKeys.p256(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}))
                .isInstanceOf(InvalidKeySpecException.class);
    }
}
