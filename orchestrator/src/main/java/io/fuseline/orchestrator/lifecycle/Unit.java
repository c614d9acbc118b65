package io.fuseline.orchestrator.lifecycle;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.message.ChipRevision;
import io.fuseline.schemas.message.WrappedKey;
import java.util.List;
import java.util.Objects;

/**
 * One unit as the registry knows it: identity (MAC, chip, revision), where it is (station, jig), what it is built
 * for (work order and recipe, null when it was never admitted to one), its wrapped keys (empty until keyed; wrapped
 * material only, never plaintext) and its state.
 */
public record Unit(MacAddress mac, ChipFamily chip, ChipRevision revision, String stationId, String jigId,
                   String workOrderId, String recipeId, String keyMaterialRequestId, List<WrappedKey> keys,
                   UnitState state) {
    public Unit {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(jigId, "jigId");
        Objects.requireNonNull(state, "state");
        keys = List.copyOf(keys);
    }

    public Unit withState(UnitState next) {
        return new Unit(mac, chip, revision, stationId, jigId, workOrderId, recipeId, keyMaterialRequestId, keys, next);
    }

    public Unit withKeys(List<WrappedKey> wrapped, UnitState next) {
        return new Unit(mac, chip, revision, stationId, jigId, workOrderId, recipeId, keyMaterialRequestId, wrapped,
                next);
    }

    public Unit atJig(String station, String jig, UnitState next) {
        return new Unit(mac, chip, revision, station, jig, workOrderId, recipeId, keyMaterialRequestId, keys, next);
    }

    /** For logs and errors: the MAC plus the job and attempt when there is one. */
    public String describe() {
        return mac + state.job().map(j -> " job " + j.jobId() + " attempt " + j.attempt()).orElse("")
                + " (" + state.kind() + ")";
    }
}
