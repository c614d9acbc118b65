package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.security.Roles;
import java.util.Collection;
import java.util.Set;

/**
 * The console's pages and the roles that may open each, the same as the API endpoints they show (docs/console.md).
 * The page resources repeat these roles in {@code @RolesAllowed}, which is what the server enforces;
 * {@code ConsoleRolesTest} keeps the two the same. The navigation shows a user only the pages their roles open.
 */
public enum ConsolePage {
    LINE("Line", "/console/line", Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN),
    UNITS("Units", "/console/units", Roles.OPERATOR, Roles.QUALITY, Roles.SECURITY, Roles.ADMIN),
    AUDIT("Audit", "/console/audit", Roles.QUALITY, Roles.SECURITY, Roles.ADMIN),
    QUARANTINE("Quarantine", "/console/quarantine", Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN),
    CUSTODY("Custody", "/console/custody", Roles.SECURITY, Roles.ADMIN),
    REPORTS("Reports", "/console/reports", Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN);

    private final String label;
    private final String path;
    private final Set<String> roles;

    ConsolePage(String label, String path, String... roles) {
        this.label = label;
        this.path = path;
        this.roles = Set.of(roles);
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    public Set<String> roles() {
        return roles;
    }

    /** Whether a user holding {@code held} may open this page. */
    public boolean openTo(Collection<String> held) {
        return held.stream().anyMatch(roles::contains);
    }
}
