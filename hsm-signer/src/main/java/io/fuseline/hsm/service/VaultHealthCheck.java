package io.fuseline.hsm.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the vault opens, answers, and holds the factory CA; DOWN says why (HSM-2xx code). */
@Readiness
@ApplicationScoped
public class VaultHealthCheck implements HealthCheck {
    private final VaultService vault;

    VaultHealthCheck(VaultService vault) {
        this.vault = vault;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = vault.problem();
        return problem == null ? HealthCheckResponse.up("vault")
                : HealthCheckResponse.named("vault").down().withData("problem", problem).build();
    }
}
