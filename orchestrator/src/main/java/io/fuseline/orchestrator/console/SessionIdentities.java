package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.security.SecurityConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Turns the console's session cookie back into an identity on each request. The form login checked the password
 * once ({@code EmbeddedUserStore}); the cookie then names the user, encrypted with the server's key, and Quarkus asks
 * for a trusted identity by that name. The roles are read from the user store on every request, so a user removed or
 * given other roles is refused or changed at once, not when the cookie expires. Thread-safe.
 */
@ApplicationScoped
class SessionIdentities implements IdentityProvider<TrustedAuthenticationRequest> {
    private final SecurityConfig config;

    SessionIdentities(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String name = request.getPrincipal();
        SecurityConfig.User user = config.embeddedUsersEnabled() ? config.users().get(name) : null;
        if (user == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the console session's user '" + name
                    + "' is no longer in the user store"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name))
                .addRoles(Set.copyOf(user.roles())).build());
    }
}
