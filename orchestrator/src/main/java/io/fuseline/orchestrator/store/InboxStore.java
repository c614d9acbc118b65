package io.fuseline.orchestrator.store;

import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/** The ids of the events whose effects are committed. Callers run inside the event's transaction. */
@ApplicationScoped
public class InboxStore {
    private final Jdbc jdbc;

    InboxStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Records the event as processed and says whether this is its first delivery. A concurrent transaction holding
     * the same id makes this call wait for it, then return false: the unique key decides, not a prior SELECT.
     */
    public boolean firstDelivery(String source, String eventId, String type) {
        return jdbc.update("INSERT INTO inbox (source, event_id, type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                "inbox " + source + " " + eventId, source, eventId, type) == 1;
    }
}
