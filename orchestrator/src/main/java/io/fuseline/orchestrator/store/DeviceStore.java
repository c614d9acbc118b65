package io.fuseline.orchestrator.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.lifecycle.StateKind;
import io.fuseline.orchestrator.lifecycle.Unit;
import io.fuseline.schemas.message.ChipRevision;
import io.fuseline.schemas.message.WrappedKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code devices} table: one row per MAC with the unit's current state and a version for optimistic locking.
 * Callers run inside a transaction.
 */
@ApplicationScoped
public class DeviceStore {
    private static final String COLUMNS = "mac, chip, revision, station_id, jig_id, work_order_id, recipe_id, lot, "
            + "key_material_request_id, wrapped_keys, certificate_pem, state, state_data, version, updated_at";
    private static final TypeReference<List<WrappedKey>> KEYS = new TypeReference<>() { };

    private final Jdbc jdbc;

    DeviceStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Optional<StoredUnit> find(MacAddress mac) {
        return jdbc.with("SELECT " + COLUMNS + " FROM devices WHERE mac = ?", "devices " + mac, ps -> {
            ps.setString(1, mac.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** The stored rows of those of {@code macs} that are registered, with one statement. */
    public Map<MacAddress, StoredUnit> findAll(Collection<MacAddress> macs) {
        if (macs.isEmpty()) {
            return Map.of();
        }
        return jdbc.with("SELECT " + COLUMNS + " FROM devices WHERE mac = ANY (?)", "devices of " + macs.size()
                + " units", ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", macs.stream().map(MacAddress::toString)
                            .toArray()));
                    Map<MacAddress, StoredUnit> units = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            StoredUnit u = read(rs);
                            units.put(u.unit().mac(), u);
                        }
                    }
                    return units;
                });
    }

    /** Units that may be in a job on {@code stationId}, for the silence check. */
    public List<StoredUnit> inJobOn(String stationId) {
        return jdbc.with("SELECT " + COLUMNS + " FROM devices WHERE station_id = ? AND state IN ('JOB_ISSUED', "
                + "'FLASHING', 'FUSES_BURNING')", "devices in a job on " + stationId, ps -> {
                    ps.setString(1, stationId);
                    List<StoredUnit> units = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            units.add(read(rs));
                        }
                    }
                    return units;
                });
    }

    /** The stations that have units in a job, for the silence check. */
    public List<String> stationsWithUnitsInJob() {
        return jdbc.with("SELECT DISTINCT station_id FROM devices WHERE state IN ('JOB_ISSUED', 'FLASHING', "
                + "'FUSES_BURNING')", "stations with units in a job", ps -> {
                    List<String> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                    return ids;
                });
    }

    /**
     * Registers a new unit at version 0.
     *
     * @throws ConcurrentUpdateException if another transaction registered the same MAC first
     */
    public void insert(Unit u, Instant now) {
        int rows = jdbc.update("INSERT INTO devices (mac, chip, revision, station_id, jig_id, work_order_id, "
                        + "recipe_id, lot, key_material_request_id, wrapped_keys, certificate_pem, state, state_data, "
                        + "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, "
                        + "?::jsonb, 0, ?, ?) ON CONFLICT (mac) DO NOTHING", "devices insert " + u.describe(),
                u.mac().toString(), u.chip().toolName(), u.revision().toString(), u.stationId(), u.jigId(),
                u.workOrderId(), u.recipeId(), u.lot(), u.keyMaterialRequestId(), Jdbc.json(u.keys()),
                u.certificatePem(), u.state().kind().name(), StateCodec.toJson(u.state()), now, now);
        if (rows == 0) {
            throw new ConcurrentUpdateException("unit " + u.mac() + " was registered concurrently");
        }
    }

    /**
     * Stores the unit's new state if the row is still at {@code expectedVersion}.
     *
     * @throws ConcurrentUpdateException if another transaction changed it since it was read
     */
    public void update(Unit u, long expectedVersion, Instant now) {
        updateAll(List.of(new Update(u, expectedVersion, expectedVersion + 1, now)));
    }

    /** A unit's new row: written if the stored row is still at {@code expectedVersion}, then at {@code newVersion}. */
    public record Update(Unit unit, long expectedVersion, long newVersion, Instant at) {
    }

    /**
     * Stores several units' new rows in one batch of statements, in the order given (callers sort them, so that
     * transactions writing the same units lock them in the same order).
     *
     * @throws ConcurrentUpdateException if another transaction changed one of them since it was read
     */
    public void updateAll(List<Update> updates) {
        List<Object[]> rows = new ArrayList<>(updates.size());
        for (Update up : updates) {
            Unit u = up.unit();
            rows.add(new Object[] {u.stationId(), u.jigId(), u.workOrderId(), u.recipeId(), u.lot(),
                    u.keyMaterialRequestId(), Jdbc.json(u.keys()), u.certificatePem(), u.state().kind().name(),
                    StateCodec.toJson(u.state()), up.newVersion(), up.at(), u.mac().toString(), up.expectedVersion()});
        }
        int[] counts = jdbc.batchOf("UPDATE devices SET station_id = ?, jig_id = ?, work_order_id = ?, recipe_id = ?, "
                + "lot = ?, key_material_request_id = ?, wrapped_keys = ?::jsonb, certificate_pem = ?, state = ?, "
                + "state_data = ?::jsonb, version = ?, updated_at = ? WHERE mac = ? AND version = ?",
                "devices update: unit/version read", rows, 12, 13);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                Update up = updates.get(i);
                throw new ConcurrentUpdateException("unit " + up.unit().describe() + " changed since version "
                        + up.expectedVersion());
            }
        }
    }

    private static StoredUnit read(ResultSet rs) throws SQLException {
        String[] rev = rs.getString("revision").substring(1).split("\\.");
        StateKind kind = StateKind.valueOf(rs.getString("state"));
        Unit unit = new Unit(MacAddress.parse(rs.getString("mac")), ChipFamily.parse(rs.getString("chip")),
                new ChipRevision(Integer.parseInt(rev[0]), Integer.parseInt(rev[1])), rs.getString("station_id"),
                rs.getString("jig_id"), rs.getString("work_order_id"), rs.getString("recipe_id"), rs.getString("lot"),
                rs.getString("key_material_request_id"), readKeys(rs.getString("wrapped_keys")),
                rs.getString("certificate_pem"), StateCodec.fromJson(kind, rs.getString("state_data")));
        return new StoredUnit(unit, rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<WrappedKey> readKeys(String json) {
        try {
            return Jdbc.JSON.readValue(json, KEYS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("devices.wrapped_keys does not read as wrapped keys", e);
        }
    }
}
