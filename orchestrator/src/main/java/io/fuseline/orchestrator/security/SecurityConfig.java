package io.fuseline.orchestrator.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/**
 * Who may use the REST API. The embedded user store (HTTP Basic) is the local line's default; a factory sets
 * {@code embedded-users-enabled=false} and verifies its identity provider's tokens instead (bearer JWTs, see
 * docs/orchestrator-api.md). Roles: {@code operator}, {@code quality}, {@code security}, {@code admin}.
 */
@ConfigMapping(prefix = "fuseline.security")
public interface SecurityConfig {

    /** Whether the embedded user store below authenticates HTTP Basic requests (a boolean). Default true. */
    @WithDefault("true")
    boolean embeddedUsersEnabled();

    /**
     * The embedded users by name: each with a password (text; give it from the environment or a secret store, never
     * commit a real one) and its roles. application.properties defines the local line's four default users.
     */
    Map<String, User> users();

    /** One embedded user. */
    interface User {
        /** The password (text), compared in constant time. */
        String password();

        /** The roles (names from {@code Roles}). */
        List<String> roles();
    }
}
