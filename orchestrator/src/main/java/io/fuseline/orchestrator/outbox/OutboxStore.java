package io.fuseline.orchestrator.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The outbox table: written in an event's transaction, drained by {@link OutboxRelay}. */
@ApplicationScoped
public class OutboxStore {
    private final Jdbc jdbc;

    OutboxStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** One record to publish: its row id, topic, key, CloudEvents headers (UTF-8 text) and value. */
    public record Pending(UUID id, String topic, String key, Map<String, byte[]> headers, byte[] payload) {
    }

    /** A record to queue: topic, key, CloudEvents headers (UTF-8 text) and value. */
    public record Queued(String topic, String key, Map<String, byte[]> headers, byte[] payload) {
    }

    /** Queues a record in the caller's transaction; it is published only if that transaction commits. */
    public void add(String topic, String key, Map<String, byte[]> headers, byte[] payload) {
        addAll(List.of(new Queued(topic, key, headers, payload)));
    }

    /**
     * Queues records in the caller's transaction, in this order (the relay publishes them in it), with one batch of
     * statements; they are published only if that transaction commits.
     */
    public void addAll(List<Queued> records) {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (Queued r : records) {
            ObjectNode h = Jdbc.JSON.createObjectNode();
            r.headers().forEach((name, value) -> h.put(name, new String(value, StandardCharsets.UTF_8)));
            rows.add(new Object[] {UUID.randomUUID(), r.topic(), r.key(), h, r.payload()});
        }
        jdbc.batch("INSERT INTO outbox (id, topic, key, headers, payload) VALUES (?, ?, ?, ?::jsonb, ?)",
                "outbox " + records.size() + " records", rows);
    }

    /**
     * Locks up to {@code limit} unpublished rows in publication order, skipping rows another relay holds: several
     * instances drain the outbox side by side without sending a row twice (short of a crash between send and commit).
     */
    public List<Pending> lockPending(int limit) {
        return jdbc.with("SELECT id, topic, key, headers, payload FROM outbox WHERE published_at IS NULL "
                + "ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED", "outbox pending", ps -> {
                    ps.setInt(1, limit);
                    List<Pending> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Map<String, byte[]> headers = new LinkedHashMap<>();
                            Jdbc.fromJson(rs.getString("headers"), ObjectNode.class).fields().forEachRemaining(
                                    e -> headers.put(e.getKey(), e.getValue().asText().getBytes(StandardCharsets.UTF_8)));
                            rows.add(new Pending(rs.getObject("id", UUID.class), rs.getString("topic"),
                                    rs.getString("key"), headers, rs.getBytes("payload")));
                        }
                    }
                    return rows;
                });
    }

    public void markPublished(List<UUID> ids) {
        jdbc.with("UPDATE outbox SET published_at = now() WHERE id = ANY (?)", "outbox mark published", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray()));
            return ps.executeUpdate();
        });
    }

    /** Rows not yet published (the backlog metric). */
    public long backlog() {
        return jdbc.with("SELECT count(*) FROM outbox WHERE published_at IS NULL", "outbox backlog", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
