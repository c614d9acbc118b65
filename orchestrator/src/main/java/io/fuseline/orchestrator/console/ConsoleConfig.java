package io.fuseline.orchestrator.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The web console (docs/console.md): how live the Line page is and how much a page shows. */
@ConfigMapping(prefix = "fuseline.console")
public interface ConsoleConfig {

    /** How often (a duration) an open Line page fetches fresh figures, without reloading. Default 5 s. */
    @WithDefault("5s")
    Duration refreshInterval();

    /**
     * How far back (a duration) the Line page looks for jigs: a jig whose last unit was updated longer ago is not
     * listed. Default 12 h (a shift and some).
     */
    @WithDefault("12h")
    Duration jigWindow();

    /**
     * How often (a duration) the Audit page's chain check reads the whole audit chain again; in between it verifies
     * only the records appended since its last look. A change to an old record shows within this interval.
     * Default 1 h.
     */
    @WithDefault("1h")
    Duration chainRecheckInterval();

    /** Audit records per page (a count, 1 to 500). Default 50. */
    @WithDefault("50")
    int auditPageSize();

    /** Most rows (a count) a list shows: units of a lot, open quarantine cases, keys, work orders. Default 200. */
    @WithDefault("200")
    int listLimit();
}
