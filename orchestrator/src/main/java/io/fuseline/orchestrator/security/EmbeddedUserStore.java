package io.fuseline.orchestrator.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The embedded user store: checks an HTTP Basic user name and password against {@link SecurityConfig#users()} and
 * grants the configured roles. Fails the same way for an unknown user and a wrong password (no user enumeration).
 * Thread-safe.
 */
@ApplicationScoped
public class EmbeddedUserStore implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private final SecurityConfig config;

    EmbeddedUserStore(SecurityConfig config) {
        this.config = config;
        for (var user : config.users().entrySet()) {
            for (String role : user.getValue().roles()) {
                if (!Roles.ALL.contains(role)) {
                    throw new IllegalStateException("fuseline.security.users." + user.getKey() + ".roles names '"
                            + role + "', which is not one of " + Roles.ALL);
                }
            }
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String name = request.getUsername();
        SecurityConfig.User user = config.embeddedUsersEnabled() ? config.users().get(name) : null;
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        byte[] expected = (user == null ? "\u0000no user" : user.password()).getBytes(StandardCharsets.UTF_8);
        if (user == null || !MessageDigest.isEqual(sha256(given), sha256(expected))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("wrong user name or password"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name))
                .addRoles(Set.copyOf(user.roles())).build());
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
