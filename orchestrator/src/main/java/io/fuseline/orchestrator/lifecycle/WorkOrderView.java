package io.fuseline.orchestrator.lifecycle;

import java.util.Objects;

/**
 * A work order as admission sees it: the recipe it builds, its lot, how many units it may start
 * ({@code quantity + overbuildQuota}) and how many it started.
 */
public record WorkOrderView(String id, String recipeId, String lot, int quantity, int overbuildQuota, int started) {
    public WorkOrderView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipeId, "recipeId");
    }

    /** Whether one more unit fits within quantity plus the overbuild quota. */
    public boolean hasRoom() {
        return started < quantity + overbuildQuota;
    }
}
