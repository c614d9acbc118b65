package io.fuseline.orchestrator.console;

import io.vertx.core.http.HttpServerRequest;
import java.net.URI;

/**
 * Refuses a console form post that another site made the browser send. The session cookie is already
 * {@code SameSite=Strict}; this second check looks at the {@code Origin} header, which browsers set on every POST.
 */
final class SameOrigin {
    private SameOrigin() {
    }

    /** Whether the request names no origin (not a browser) or its own host as origin. */
    static boolean holds(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI o = URI.create(origin);
            String host = request.getHeader("Host");
            return host != null && host.equalsIgnoreCase(o.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
