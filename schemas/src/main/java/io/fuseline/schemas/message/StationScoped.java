package io.fuseline.schemas.message;

/** A message sent by, or addressed to, one station; records keyed by station id read it from here. */
public interface StationScoped {
    /** The station's id as enrolled by a security officer. */
    String stationId();
}
