package io.fuseline.orchestrator.store;

import io.fuseline.orchestrator.lifecycle.WorkOrderView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Work orders, their counters, and which station builds which. Callers run inside a transaction. */
@ApplicationScoped
public class WorkOrderStore {
    private final Jdbc jdbc;

    WorkOrderStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The chip of a work order made before chips were recorded, and of an assignment for any chip. */
    public static final String ANY_CHIP = "*";

    /** Creates an open work order for any chip; the caller has checked that the recipe exists. */
    public void create(String id, String recipeId, String lot, int quantity, int overbuildQuota) {
        create(id, recipeId, ANY_CHIP, lot, quantity, overbuildQuota);
    }

    /** Creates an open work order for units of {@code chip} (tool name, e.g. {@code esp32s3}). */
    public void create(String id, String recipeId, String chip, String lot, int quantity, int overbuildQuota) {
        jdbc.update("INSERT INTO work_orders (id, recipe_id, chip, lot, quantity, overbuild_quota) VALUES (?, ?, ?, ?, ?, ?)",
                "work_orders insert " + id, id, recipeId, chip, lot, quantity, overbuildQuota);
    }

    /** Makes {@code stationId} build {@code workOrderId} from now on, for units of the work order's chip. */
    public void assign(String stationId, String workOrderId) {
        jdbc.update("INSERT INTO station_assignments (station_id, work_order_id, chip) SELECT ?, id, chip FROM "
                + "work_orders WHERE id = ? ON CONFLICT (station_id, chip) DO UPDATE SET work_order_id = "
                + "EXCLUDED.work_order_id, assigned_at = now()", "station_assignments " + stationId, stationId,
                workOrderId);
    }

    /** Whether a work order of that id exists. */
    public boolean exists(String id) {
        return jdbc.with("SELECT 1 FROM work_orders WHERE id = ?", "work_orders " + id, ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** Closes a work order: its stations admit no more units to it. Returns false if it was not open. */
    public boolean close(String id) {
        return jdbc.update("UPDATE work_orders SET status = 'CLOSED' WHERE id = ? AND status = 'OPEN'",
                "work_orders close " + id, id) == 1;
    }

    /**
     * The open work order {@code stationId} builds for units of {@code chip} (an assignment for that chip wins over
     * one for any chip), locked until the transaction ends: admissions to one work order are serialised, so two
     * instances cannot both take its last unit of quota.
     */
    public Optional<WorkOrderView> openForStationLocked(String stationId, String chip) {
        return jdbc.with("SELECT w.id, w.recipe_id, w.lot, w.quantity, w.overbuild_quota, w.started FROM work_orders w "
                + "JOIN station_assignments s ON s.work_order_id = w.id WHERE s.station_id = ? AND s.chip IN (?, '*') "
                + "AND w.status = 'OPEN' ORDER BY s.chip = '*' LIMIT 1 FOR UPDATE OF w",
                "work order of station " + stationId + " for " + chip, ps -> {
                    ps.setString(1, stationId);
                    ps.setString(2, chip);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new WorkOrderView(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))) : Optional.empty();
                    }
                });
    }

    /** Adds to the counters of a work order (started, provisioned, quarantined). */
    public void count(String workOrderId, int started, int provisioned, int quarantined) {
        Counts counts = counts();
        counts.add(workOrderId, started, provisioned, quarantined);
        counts.write();
    }

    /** A collector of counter changes, written together by {@link Counts#write()}. */
    public Counts counts() {
        return new Counts();
    }

    /**
     * What one batch of events adds to work orders' counters: one update per work order when the batch ends instead
     * of one per unit. Until then {@link #pending} tells the quota check what the batch has started. Not thread-safe.
     */
    public final class Counts {
        /** What the batch adds to one work order's counters. */
        private static final class Added {
            private int started;
            private int provisioned;
            private int quarantined;
        }

        private final Map<String, Added> added = new TreeMap<>();

        private Counts() {
        }

        public void add(String workOrderId, int started, int provisioned, int quarantined) {
            Added a = added.computeIfAbsent(workOrderId, id -> new Added());
            a.started += started;
            a.provisioned += provisioned;
            a.quarantined += quarantined;
        }

        /** The work order as the batch has changed it: with the units it started added. */
        public WorkOrderView pending(WorkOrderView wo) {
            Added a = added.get(wo.id());
            return a == null || a.started == 0 ? wo : new WorkOrderView(wo.id(), wo.recipeId(), wo.lot(),
                    wo.quantity(), wo.overbuildQuota(), wo.started() + a.started);
        }

        /** Writes the counters in work-order order (transactions that share work orders lock them alike). */
        public void write() {
            List<Object[]> rows = new ArrayList<>(added.size());
            added.forEach((id, a) -> rows.add(new Object[] {a.started, a.provisioned, a.quarantined, id}));
            jdbc.batchOf("UPDATE work_orders SET started = started + ?, provisioned = provisioned + ?, "
                    + "quarantined = quarantined + ? WHERE id = ?", "work_orders counters:", rows, 3);
            added.clear();
        }
    }
}
