package io.fuseline.schemas.message;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An eFuse field was burned, irreversibly, and read back: the field (espefuse name on the unit's chip) and its
 * block, and whether the field is now read- and write-protected. For a field of at most 64 bits {@code before} and
 * {@code after} hold the values as lowercase {@code 0x} hex (bits only go from 0 to 1) and {@code kcv} is null. For
 * a key block (128 bits or more) the value never travels: {@code before}/{@code after} are null and {@code kcv}
 * holds the key check value of what was read back. The registry's fuse-burn history is built from these.
 * Sent by station-agent to the orchestrator on {@code fuseline.station.events}, keyed by MAC.
 */
public record FuseBurned(String jobId, MacAddress mac, ChipFamily chip, String stationId, int step, int block,
                         String field, String before, String after, String kcv, boolean readProtected,
                         boolean writeProtected) implements FuselineMessage, StationScoped {
    public FuseBurned {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(field, "field");
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
