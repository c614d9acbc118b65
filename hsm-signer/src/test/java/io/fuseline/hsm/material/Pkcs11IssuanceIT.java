package io.fuseline.hsm.material;

import io.fuseline.hsm.testing.SoftHsmToken;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.pkcs11.Pkcs11KeyVault;
import org.junit.jupiter.api.Assumptions;

class Pkcs11IssuanceIT extends IssuanceContract {
    @Override
    protected KeyVault openVault() {
        Assumptions.assumeTrue(SoftHsmToken.installed(), "SoftHSM2 is not installed");
        SoftHsmToken.shared().wipe();
        return Pkcs11KeyVault.open(SoftHsmToken.shared().config());
    }
}
