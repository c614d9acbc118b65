package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who is looking at a page, for the templates ({@code inject:viewer}): the user's name and roles and the pages those
 * roles open. Showing or hiding a link is a courtesy; the resources' {@code @RolesAllowed} decide.
 */
@RequestScoped
@Named("viewer")
public class Viewer {
    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    /** The user's roles, comma-separated, for the page header. */
    public String roleText() {
        return String.join(", ", new TreeSet<>(identity.getRoles()));
    }

    public List<ConsolePage> pages() {
        return Arrays.stream(ConsolePage.values()).filter(p -> p.openTo(identity.getRoles())).toList();
    }

    /** The first page the user may open, where signing in lands. */
    public Optional<ConsolePage> home() {
        return pages().stream().findFirst();
    }

    /** Whether the user may release or scrap quarantined units (the quality role, or admin). */
    public boolean decidesQuarantine() {
        return identity.hasRole(Roles.QUALITY) || identity.hasRole(Roles.ADMIN);
    }

    /** Whether the user may open a unit's timeline (its history: quality, security, admin). */
    public boolean readsHistory() {
        return UnitPages.HISTORY_ROLES.stream().anyMatch(identity::hasRole);
    }

    /** Whether the user may open key custody (security, admin). */
    public boolean readsCustody() {
        return ConsolePage.CUSTODY.openTo(identity.getRoles());
    }
}
