package io.fuseline.orchestrator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.fuseline.orchestrator.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads query results into records: one mapper per row type, parameters bound as {@link Jdbc#bind} does. */
final class Rows {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Jdbc jdbc;

    Rows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    <T> List<T> list(String sql, String what, Mapper<T> mapper, Object... params) {
        return jdbc.with(sql, what, ps -> {
            Jdbc.bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }

    long count(String sql, String what, Object... params) {
        return list(sql, what, rs -> rs.getLong(1), params).get(0);
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static JsonNode json(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Jdbc.fromJson(text, JsonNode.class);
    }

    static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
