package io.fuseline.orchestrator.security;

import java.util.Set;

/**
 * The API's roles. Operators run the line (units, quarantine list, yield); quality engineers investigate and decide
 * quarantines (units, audit trail, reports); security officers review key custody and signing; admins may do all.
 */
public final class Roles {
    public static final String OPERATOR = "operator";
    public static final String QUALITY = "quality";
    public static final String SECURITY = "security";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(OPERATOR, QUALITY, SECURITY, ADMIN);

    private Roles() {
    }
}
