package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.query.AuditSearch;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses to start with console settings that would only fail later, on a page, and says which key is wrong. */
@ApplicationScoped
class ConsoleConfigCheck {

    void onStart(@Observes StartupEvent event, ConsoleConfig config) {
        check(config);
    }

    static void check(ConsoleConfig config) {
        if (config.auditPageSize() < 1 || config.auditPageSize() > AuditSearch.MAX_SIZE) {
            throw new IllegalStateException("fuseline.console.audit-page-size must be 1.." + AuditSearch.MAX_SIZE
                    + ", was " + config.auditPageSize());
        }
        if (config.listLimit() < 1 || config.listLimit() > 10_000) {
            throw new IllegalStateException("fuseline.console.list-limit must be 1..10000, was " + config.listLimit());
        }
        if (config.chainRecheckInterval().isNegative() || config.chainRecheckInterval().isZero()) {
            throw new IllegalStateException("fuseline.console.chain-recheck-interval must be positive, was "
                    + config.chainRecheckInterval());
        }
        if (config.refreshInterval().toMillis() < 500) {
            throw new IllegalStateException("fuseline.console.refresh-interval must be at least 500ms, was "
                    + config.refreshInterval());
        }
    }
}
