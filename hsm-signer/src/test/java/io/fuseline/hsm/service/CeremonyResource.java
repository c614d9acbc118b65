package io.fuseline.hsm.service;

import io.fuseline.hsm.ca.FactoryCa;
import io.fuseline.hsm.material.IssuanceContract;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.software.SoftwareKeyVault;
import io.fuseline.schemas.envelope.P256;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;

/**
 * A key ceremony before the service starts: a software vault in a temporary folder with station {@code st-01}
 * enrolled, a factory CA and the audit checkpoint key; the station's private key goes to a file the test reads to
 * unwrap, the audit key's public key to {@code audit.x509} (what the orchestrator is given).
 */
public class CeremonyResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("fuseline-hsm-it");
            Path pin = dir.resolve("vault.pin");
            Files.writeString(pin, "it-password\n");
            Path vaultFile = dir.resolve("vault.p12");
            KeyPair station = P256.generate();
            try (SoftwareKeyVault vault = SoftwareKeyVault.open(vaultFile, PinSource.file(pin))) {
                vault.enrollStation("st-01", station.getPublic());
                FactoryCa.create(vault, new KeyLabel(KeyRole.FACTORY_CA, "factory-ca"), "IT CA", IssuanceContract.PROFILE,
                        Clock.systemUTC());
                KeyLabel audit = new KeyLabel(KeyRole.AUDIT_CHECKPOINT, "audit-checkpoint");
                vault.generateKeyPair(audit, "ceremony:it");
                Files.write(dir.resolve("audit.x509"), vault.publicKey(audit).getEncoded());
            }
            Files.write(dir.resolve("station.pkcs8"), station.getPrivate().getEncoded());
            Files.write(dir.resolve("station.x509"), station.getPublic().getEncoded());
            return Map.of("fuseline.hsm.software-path", vaultFile.toString(), "fuseline.hsm.pin-file", pin.toString(),
                    "fuseline.hsm.custody-ledger", dir.resolve("custody.log").toString(), "test.station-dir",
                    dir.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
