package io.fuseline.orchestrator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.schemas.message.DeviceIdentified;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new chip's factory-set fields (revision, calibration) do not make it "burned"; a security field does. */
class ArrivalFusesTest {

    @Test
    void factoryFieldsAreNotSecurityBurns() {
        DeviceIdentified esp32 = withSummary(Events.identifiedEsp32(MacAddress.parse("24:0a:c4:00:00:01"), "st", "j"),
                Map.of("CHIP_VER_REV1", IntNode.valueOf(1), "ADC_VREF", IntNode.valueOf(1100),
                        "CHIP_PACKAGE", IntNode.valueOf(1)));
        assertThat(ArrivalFuses.burned(esp32)).isEmpty();
        DeviceIdentified s3 = withSummary(Events.identified(Events.mac(1), "st", "j"),
                Map.of("WAFER_VERSION_MINOR_LO", IntNode.valueOf(2), "BLK_VERSION_MINOR", IntNode.valueOf(1)));
        assertThat(ArrivalFuses.burned(s3)).isEmpty();
    }

    @Test
    void aSecurityFieldOrTheCryptCounterIsABurn() {
        DeviceIdentified esp32 = withSummary(Events.identifiedEsp32(MacAddress.parse("24:0a:c4:00:00:01"), "st", "j"),
                Map.of("ABS_DONE_1", IntNode.valueOf(1)));
        assertThat(ArrivalFuses.burned(esp32)).containsEntry("efuse.ABS_DONE_1", "1");
        DeviceIdentified s3 = withSummary(Events.identified(Events.mac(1), "st", "j"),
                Map.of("KEY_PURPOSE_2", TextNode.valueOf("0x4")));
        assertThat(ArrivalFuses.burned(s3)).containsOnlyKeys("efuse.KEY_PURPOSE_2");
        assertThat(ArrivalFuses.burned(Events.identifiedWithFusesBurned(Events.mac(2), "st", "j")))
                .containsKey("efuse.SPI_BOOT_CRYPT_CNT");
    }

    private static DeviceIdentified withSummary(DeviceIdentified id, Map<String, com.fasterxml.jackson.databind.JsonNode> extra) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> summary = new HashMap<>(id.efuseSummary());
        summary.putAll(extra);
        return new DeviceIdentified(id.stationId(), id.jigId(), id.mac(), id.macCrc(), id.chip(), id.chipRevision(),
                id.flashId(), id.flashSizeBytes(), id.securityInfo(), summary, id.keyBlocks());
    }
}
