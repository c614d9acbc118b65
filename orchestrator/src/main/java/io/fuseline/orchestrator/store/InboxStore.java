package io.fuseline.orchestrator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The ids of the events whose effects are committed. Callers run inside the event's transaction.
 *
 * <p>An event is known by its source and id (CloudEvents); the table's key is a 16-byte digest of the two
 * ({@link Delivery#key()}), one fixed-width comparison per index probe instead of two texts', and an index a
 * third the size. The source, id and type are kept beside it for whoever reads the table.
 */
@ApplicationScoped
public class InboxStore {
    private final Jdbc jdbc;

    InboxStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** An event as the inbox knows it. */
    public record Delivery(String source, String eventId, String type) {
        /**
         * The first 16 bytes of SHA-256 over the source's UTF-8 length in decimal, a colon, the source and the id
         * (so that no two source/id pairs give the same input), as a UUID. Migration V13 computes the same in SQL
         * for the rows written before it.
         */
        public UUID key() {
            byte[] s = source.getBytes(StandardCharsets.UTF_8);
            byte[] id = eventId.getBytes(StandardCharsets.UTF_8);
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
            sha256.update((s.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(s);
            ByteBuffer digest = ByteBuffer.wrap(sha256.digest(id));
            return new UUID(digest.getLong(), digest.getLong());
        }
    }

    /**
     * Records the events as processed, with one statement, and returns those that were delivered for the first
     * time (a repeated one in {@code deliveries} counts once). A concurrent transaction holding one of the same
     * events makes this wait for it, then count the event as seen: the unique key decides, not a prior SELECT.
     */
    public Set<Delivery> firstDeliveries(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Set.of();
        }
        Map<UUID, Delivery> byKey = new HashMap<>(deliveries.size() * 2);
        for (Delivery d : deliveries) {
            byKey.putIfAbsent(d.key(), d);
        }
        return jdbc.with("INSERT INTO inbox (delivery, source, event_id, type) SELECT * FROM unnest(?::uuid[], "
                + "?::text[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING RETURNING delivery", "inbox "
                + deliveries.size() + " events", ps -> {
                    int n = byKey.size();
                    Object[] keys = new Object[n];
                    Object[] sources = new Object[n];
                    Object[] ids = new Object[n];
                    Object[] types = new Object[n];
                    int i = 0;
                    for (Map.Entry<UUID, Delivery> e : byKey.entrySet()) {
                        keys[i] = e.getKey();
                        sources[i] = e.getValue().source();
                        ids[i] = e.getValue().eventId();
                        types[i++] = e.getValue().type();
                    }
                    java.sql.Connection c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("uuid", keys));
                    ps.setArray(2, c.createArrayOf("text", sources));
                    ps.setArray(3, c.createArrayOf("text", ids));
                    ps.setArray(4, c.createArrayOf("text", types));
                    Set<Delivery> fresh = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            fresh.add(byKey.get(rs.getObject(1, UUID.class)));
                        }
                    }
                    return fresh;
                });
    }

    /** Records one event as processed; whether this is its first delivery (else as {@link #firstDeliveries}). */
    public boolean firstDelivery(String source, String eventId, String type) {
        Delivery d = new Delivery(source, eventId, type);
        return jdbc.update("INSERT INTO inbox (delivery, source, event_id, type) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", "inbox " + source + " " + eventId, d.key(), source, eventId, type) == 1;
    }
}
