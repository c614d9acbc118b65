package io.fuseline.schemas.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The station talked to the unit's ROM loader and read what the orchestrator needs to decide: chip, revision,
 * factory MAC (and, on the ESP32, the MAC CRC stored beside it), flash id and size, the security info (S3/C3 only,
 * else null), a summary of the security-relevant eFuses (espefuse field name to value: a JSON boolean, integer or
 * {@code 0x}-prefixed hex string) and the state of every key block.
 * Sent by station-agent to the orchestrator on {@code fuseline.station.events}, keyed by MAC.
 */
public record DeviceIdentified(String stationId, String jigId, MacAddress mac, Integer macCrc, ChipFamily chip,
                               ChipRevision chipRevision, String flashId, long flashSizeBytes,
                               SecurityInfo securityInfo, Map<String, JsonNode> efuseSummary,
                               List<KeyBlockState> keyBlocks) implements FuselineMessage, StationScoped {
    public DeviceIdentified {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(jigId, "jigId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(chipRevision, "chipRevision");
        Objects.requireNonNull(flashId, "flashId");
        // Sorted so that the same unit always encodes to the same bytes.
        efuseSummary = Collections.unmodifiableSortedMap(new TreeMap<>(efuseSummary));
        keyBlocks = List.copyOf(keyBlocks);
    }

    @Override
    public Optional<MacAddress> subjectMac() { return Optional.of(mac); }
}
