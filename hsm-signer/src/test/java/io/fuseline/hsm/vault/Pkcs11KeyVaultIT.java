package io.fuseline.hsm.vault;

import io.fuseline.hsm.testing.SoftHsmToken;
import io.fuseline.hsm.vault.pkcs11.Pkcs11KeyVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/** The vault contract on a real PKCS#11 token: SoftHSM2 2.6 through ipkcs11wrapper. */
class Pkcs11KeyVaultIT extends KeyVaultContract {
    private Pkcs11KeyVault vault;

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(SoftHsmToken.installed(), "SoftHSM2 is not installed");
        SoftHsmToken.shared().wipe();
        vault = Pkcs11KeyVault.open(SoftHsmToken.shared().config());
    }

    @AfterEach
    void close() {
        if (vault != null) {
            vault.close();
        }
    }

    @Override
    protected KeyVault vault() {
        return vault;
    }

    @Override
    protected KeyVault reopen() {
        return Pkcs11KeyVault.open(SoftHsmToken.shared().config());
    }
}
