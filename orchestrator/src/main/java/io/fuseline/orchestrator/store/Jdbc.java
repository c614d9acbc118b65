package io.fuseline.orchestrator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fuseline.schemas.codec.FuselineJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Plain JDBC over the service's data source. Inside a transaction every call gets the connection enlisted in it,
 * so the stores' statements commit or roll back together. JSON goes in as text cast to jsonb in the SQL.
 */
public final class Jdbc {
    /** The mapper of the message records (MACs, chip families, instants), for jsonb columns. */
    public static final ObjectMapper JSON = FuselineJson.newMapper();

    /** A SQL statement and what to do with it. */
    @FunctionalInterface
    public interface Work<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code sql}; {@code what} names the table and row for the error message. */
    public <T> T with(String sql, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            return work.run(ps);
        } catch (SQLException e) {
            throw new StoreException(what + ": " + e.getMessage(), e);
        }
    }

    public int update(String sql, String what, Object... params) {
        return with(sql, what, ps -> {
            bind(ps, params);
            return ps.executeUpdate();
        });
    }

    /**
     * Runs {@code sql} once per row of parameters as one JDBC batch (one round trip to the server); nothing is sent
     * for no rows. Returns the update counts, in row order.
     */
    public int[] batch(String sql, String what, List<Object[]> rows) {
        return batch(sql, () -> what, rows);
    }

    /**
     * As {@link #batch(String, String, java.util.List)}, for a batch of many units' rows: an error names
     * {@code table} and the first rows by their values in {@code keyColumns} (a job id, a MAC), which operators
     * search the logs and the console by. The description is only built if the batch fails.
     */
    public int[] batchOf(String sql, String table, List<Object[]> rows, int... keyColumns) {
        return batch(sql, () -> describe(table, rows, keyColumns), rows);
    }

    static String describe(String table, List<Object[]> rows, int... keyColumns) {
        StringBuilder b = new StringBuilder(table);
        int shown = Math.min(rows.size(), 5);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? " " : ", ");
            for (int k = 0; k < keyColumns.length; k++) {
                b.append(k == 0 ? "" : "/").append(rows.get(i)[keyColumns[k]]);
            }
        }
        return rows.size() > shown ? b.append(" and ").append(rows.size() - shown).append(" more").toString()
                : b.toString();
    }

    private int[] batch(String sql, Supplier<String> what, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        } catch (java.sql.BatchUpdateException e) {
            // The driver's batch message quotes the statement with its parameter values: report the server's error.
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new StoreException(what.get() + " (batch of " + rows.size() + "): " + (cause == e ? "batch failed"
                    : cause.getMessage()), cause == e ? null : cause);
        } catch (SQLException e) {
            throw new StoreException(what.get() + ": " + e.getMessage(), e);
        }
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (p instanceof JsonNode n) {
                ps.setString(i + 1, n.toString());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable to JSON: " + value.getClass().getName(), e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read as " + type.getSimpleName(), e);
        }
    }
}
