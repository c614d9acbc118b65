package io.fuseline.station.unit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.sim.Fault;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Identification against virtual jigs: the event passes its contract for every chip, reports the fuses as the
 * chip holds them (a unit that arrives with security already on says so: how a restarted station re-identifies a
 * half-provisioned unit), and never carries key block contents.
 */
@Timeout(60)
class UnitIdentifierIT {

    @ParameterizedTest
    @EnumSource(ChipFamily.class)
    void identifiesAFreshAndAPreBurnedUnit(ChipFamily family) throws Exception {
        DeviceIdentified fresh = identify(new VirtualChip(JigConfig.defaults(family)));
        assertThat(fresh.keyBlocks()).isNotEmpty().noneMatch(b -> b.programmed());
        assertThat(fresh.efuseSummary()).doesNotContainKeys("BLOCK1", "BLOCK_KEY0");
        DeviceIdentified burned = identify(new VirtualChip(JigConfig.defaults(family)
                .withFaults(List.of(new Fault.PreBurnedSecurity()))));
        String counter = family == ChipFamily.ESP32 ? "FLASH_CRYPT_CNT" : "SPI_BOOT_CRYPT_CNT";
        assertThat(burned.efuseSummary().get(counter).asLong()).isOdd();
    }

    private static DeviceIdentified identify(VirtualChip chip) throws Exception {
        try (VirtualJigServer jig = VirtualJigServer.start(chip, 0);
             RomLoader loader = new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)),
                     LoaderSettings.defaults())) {
            loader.connect();
            DeviceIdentified id = UnitIdentifier.identify(loader, "st-01", "jig-1");
            assertThat(id.mac()).isEqualTo(chip.config().mac());
            CloudEventCodec codec = new CloudEventCodec();
            // The contract accepts it (schema and rules); JSON numbers come back as other JsonNode types, so compare text.
            assertThat(codec.decode(codec.encode(CloudEvent.of("/fuseline/station/st-01", id))).data())
                    .hasToString(id.toString());
            return id;
        }
    }
}
