package io.fuseline.orchestrator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    /** An event as the inbox knows it. */
    public record Delivery(String source, String eventId, String type) {
    }

    /**
     * Records the events as processed, with one statement, and returns those that were delivered for the first
     * time (a repeated one in {@code deliveries} counts once). Waits for concurrent transactions holding the same ids,
     * as {@link #firstDelivery} does.
     */
    public Set<Delivery> firstDeliveries(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Set.of();
        }
        return jdbc.with("INSERT INTO inbox (source, event_id, type) SELECT * FROM unnest(?::text[], ?::text[], "
                + "?::text[]) ON CONFLICT DO NOTHING RETURNING source, event_id, type", "inbox " + deliveries.size()
                + " events", ps -> {
                    java.sql.Connection c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("text", deliveries.stream().map(Delivery::source).toArray()));
                    ps.setArray(2, c.createArrayOf("text", deliveries.stream().map(Delivery::eventId).toArray()));
                    ps.setArray(3, c.createArrayOf("text", deliveries.stream().map(Delivery::type).toArray()));
                    Set<Delivery> fresh = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            fresh.add(new Delivery(rs.getString(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                    return fresh;
                });
    }

    public boolean firstDelivery(String source, String eventId, String type) {
        return jdbc.update("INSERT INTO inbox (source, event_id, type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                "inbox " + source + " " + eventId, source, eventId, type) == 1;
    }
}
