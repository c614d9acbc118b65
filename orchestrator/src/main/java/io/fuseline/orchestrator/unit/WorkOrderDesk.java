package io.fuseline.orchestrator.unit;

import io.fuseline.orchestrator.lifecycle.AuditEntry;
import io.fuseline.orchestrator.lifecycle.Outcome;
import io.fuseline.orchestrator.outbox.OutboxRelay;
import io.fuseline.orchestrator.recipe.Recipe;
import io.fuseline.orchestrator.recipe.RecipeBook;
import io.fuseline.orchestrator.store.WorkOrderStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Planning the line: creating a work order for a loaded recipe, assigning it to stations, closing it. Every change
 * is an audit record on the {@code line} subject with the user who made it. A station builds at most one open work
 * order per chip family: assigning another of the same chip replaces the first.
 */
@ApplicationScoped
public class WorkOrderDesk {
    private static final Logger LOG = Logger.getLogger(WorkOrderDesk.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The audit subject of records about the line rather than one unit. */
    static final String LINE = "line";

    /** A request the desk refuses because of the line's current state (duplicate id, closed order). */
    public static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    /** A work order that does not exist. */
    public static final class UnknownWorkOrder extends RuntimeException {
        UnknownWorkOrder(String id) {
            super("no work order " + id);
        }
    }

    private final WorkOrderStore workOrders;
    private final RecipeBook recipes;
    private final OutcomeWriter writer;
    private final OutboxRelay relay;
    private final Clock clock;

    WorkOrderDesk(WorkOrderStore workOrders, RecipeBook recipes, OutcomeWriter writer, OutboxRelay relay, Clock clock) {
        this.workOrders = workOrders;
        this.recipes = recipes;
        this.writer = writer;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Creates work order {@code id} to build {@code quantity} units (plus {@code overbuildQuota} spares) of recipe
     * {@code recipeId} in lot {@code lot}, and assigns it to {@code stations}.
     *
     * @throws IllegalArgumentException a malformed id, an unknown recipe, a quantity below 1, a negative quota
     * @throws Conflict                 the id is taken
     */
    public void create(String id, String recipeId, String lot, int quantity, int overbuildQuota, List<String> stations,
                       String by) {
        requireId(id, "work order id");
        requireId(lot, "lot");
        stations.forEach(s -> requireId(s, "station id"));
        Recipe recipe = recipes.find(recipeId).orElseThrow(() -> new IllegalArgumentException("recipe '" + recipeId
                + "' is not loaded; loaded: " + recipes.all().stream().map(Recipe::id).sorted().toList()));
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
        if (overbuildQuota < 0) {
            throw new IllegalArgumentException("overbuildQuota must not be negative, was " + overbuildQuota);
        }
        String chip = recipe.chip().toolName();
        QuarkusTransaction.requiringNew().run(() -> {
            if (workOrders.exists(id)) {
                throw new Conflict("work order " + id + " exists");
            }
            workOrders.create(id, recipe.id(), chip, lot, quantity, overbuildQuota);
            for (String station : stations) {
                workOrders.assign(station, id);
            }
            audit(by, AuditEntry.of("workorder.created", "workOrder", id, "recipe", recipe.id(), "chip", chip,
                    "lot", lot, "quantity", quantity, "overbuildQuota", overbuildQuota, "stations", stations));
        });
        relay.wake();
        LOG.infof("work order %s created by %s: %d x %s (%s), lot %s, stations %s", id, by, quantity, recipe.id(),
                chip, lot, stations);
    }

    /** Makes {@code station} build open work order {@code id} (for the work order's chip) from now on. */
    public void assign(String id, String station, String by) {
        requireId(station, "station id");
        QuarkusTransaction.requiringNew().run(() -> {
            if (!workOrders.exists(id)) {
                throw new UnknownWorkOrder(id);
            }
            workOrders.assign(station, id);
            audit(by, AuditEntry.of("workorder.assigned", "workOrder", id, "station", station));
        });
        relay.wake();
        LOG.infof("work order %s assigned to station %s by %s", id, station, by);
    }

    /** Closes open work order {@code id}: no more units are admitted to it. */
    public void close(String id, String by) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!workOrders.exists(id)) {
                throw new UnknownWorkOrder(id);
            }
            if (!workOrders.close(id)) {
                throw new Conflict("work order " + id + " is already closed");
            }
            audit(by, AuditEntry.of("workorder.closed", "workOrder", id));
        });
        relay.wake();
        LOG.infof("work order %s closed by %s", id, by);
    }

    private void audit(String by, AuditEntry entry) {
        writer.auditAndQueue("user:" + by, LINE, new Outcome(null, List.of(), List.of(entry), false), clock.instant());
    }

    private static void requireId(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 64 letters, digits, '.', '_' or '-', was '"
                    + value + "'");
        }
    }
}
