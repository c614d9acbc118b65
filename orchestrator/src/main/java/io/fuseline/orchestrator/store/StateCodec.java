package io.fuseline.orchestrator.store;

import io.fuseline.orchestrator.lifecycle.StateKind;
import io.fuseline.orchestrator.lifecycle.UnitState;

/** A unit's state in the {@code devices} row: the kind in {@code state}, the record as JSON in {@code state_data}. */
final class StateCodec {
    private StateCodec() {
    }

    static String toJson(UnitState state) {
        return Jdbc.json(state);
    }

    static UnitState fromJson(StateKind kind, String json) {
        Class<? extends UnitState> type = switch (kind) {
            case IDENTIFIED -> UnitState.Identified.class;
            case KEYED -> UnitState.Keyed.class;
            case JOB_ISSUED -> UnitState.JobIssued.class;
            case FLASHING -> UnitState.Flashing.class;
            case FUSES_BURNING -> UnitState.FusesBurning.class;
            case VERIFIED -> UnitState.Verified.class;
            case PROVISIONED -> UnitState.Provisioned.class;
            case QUARANTINED -> UnitState.Quarantined.class;
            case RELEASED -> UnitState.Released.class;
        };
        return Jdbc.fromJson(json, type);
    }
}
