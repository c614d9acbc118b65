package io.fuseline.orchestrator.store;

import io.fuseline.orchestrator.lifecycle.WorkOrderView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** Work orders, their counters, and which station builds which. Callers run inside a transaction. */
@ApplicationScoped
public class WorkOrderStore {
    private final Jdbc jdbc;

    WorkOrderStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Creates an open work order; the caller has checked that the recipe exists. */
    public void create(String id, String recipeId, String lot, int quantity, int overbuildQuota) {
        jdbc.update("INSERT INTO work_orders (id, recipe_id, lot, quantity, overbuild_quota) VALUES (?, ?, ?, ?, ?)",
                "work_orders insert " + id, id, recipeId, lot, quantity, overbuildQuota);
    }

    /** Makes {@code stationId} build {@code workOrderId} from now on. */
    public void assign(String stationId, String workOrderId) {
        jdbc.update("INSERT INTO station_assignments (station_id, work_order_id) VALUES (?, ?) ON CONFLICT "
                + "(station_id) DO UPDATE SET work_order_id = EXCLUDED.work_order_id, assigned_at = now()",
                "station_assignments " + stationId, stationId, workOrderId);
    }

    /**
     * The open work order {@code stationId} builds, locked until the transaction ends: admissions to one work order
     * are serialised, so two instances cannot both take its last unit of quota.
     */
    public Optional<WorkOrderView> openForStationLocked(String stationId) {
        return jdbc.with("SELECT w.id, w.recipe_id, w.lot, w.quantity, w.overbuild_quota, w.started FROM work_orders w "
                + "JOIN station_assignments s ON s.work_order_id = w.id WHERE s.station_id = ? AND w.status = 'OPEN' "
                + "FOR UPDATE OF w", "work order of station " + stationId, ps -> {
                    ps.setString(1, stationId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new WorkOrderView(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))) : Optional.empty();
                    }
                });
    }

    /** Adds to the counters of a work order (started, provisioned, quarantined). */
    public void count(String workOrderId, int started, int provisioned, int quarantined) {
        jdbc.update("UPDATE work_orders SET started = started + ?, provisioned = provisioned + ?, "
                + "quarantined = quarantined + ? WHERE id = ?", "work_orders counters " + workOrderId,
                started, provisioned, quarantined, workOrderId);
    }
}
