package io.fuseline.orchestrator.lifecycle;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.message.ChipRevision;
import io.fuseline.schemas.message.WrappedKey;
import java.util.List;
import java.util.Objects;

/**
 * One unit as the registry knows it: identity (MAC, chip, revision), where it is (station, jig), what it is built
 * for (work order, recipe and the work order's lot, null when it was never admitted to one), its wrapped keys (empty
 * until keyed; wrapped material only, never plaintext) with the device certificate issued alongside (public; null
 * when none was) and its state. Lot and certificate are kept because every job, retries included, renders the
 * unit's NVS partition from them.
 */
public record Unit(MacAddress mac, ChipFamily chip, ChipRevision revision, String stationId, String jigId,
                   String workOrderId, String recipeId, String lot, String keyMaterialRequestId, List<WrappedKey> keys,
                   String certificatePem, UnitState state) {
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
        return new Unit(mac, chip, revision, stationId, jigId, workOrderId, recipeId, lot, keyMaterialRequestId, keys,
                certificatePem, next);
    }

    /** The unit with the key material the vault issued: wrapped keys and the certificate (null if none). */
    public Unit withKeys(List<WrappedKey> wrapped, String certificate, UnitState next) {
        return new Unit(mac, chip, revision, stationId, jigId, workOrderId, recipeId, lot, keyMaterialRequestId,
                wrapped, certificate, next);
    }

    public Unit atJig(String station, String jig, UnitState next) {
        return new Unit(mac, chip, revision, station, jig, workOrderId, recipeId, lot, keyMaterialRequestId, keys,
                certificatePem, next);
    }

    /** For logs and errors: the MAC plus the job and attempt when there is one. */
    public String describe() {
        return mac + state.job().map(j -> " job " + j.jobId() + " attempt " + j.attempt()).orElse("")
                + " (" + state.kind() + ")";
    }
}
