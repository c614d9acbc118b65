package io.fuseline.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.DeviceIdentified;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** For any unicast ESP32 MAC, the identification passes with the MAC's CRC and fails with any other value. */
class MacCrcPropertiesTest {
    private static final DeviceIdentified ESP32 = GoldenExamples.message(DeviceIdentified.class, "esp32-blank");

    @Property(tries = 200)
    void onlyTheMacsOwnCrcIsAccepted(@ForAll("unicastMacs") MacAddress mac, @ForAll @IntRange(max = 255) int crc) {
        DeviceIdentified m = withMac(mac, crc);
        ContractViolation v = catchThrowableOfType(ContractViolation.class, () -> MessageValidators.validate(m));
        if (crc == mac.esp32Crc8()) {
            assertThat(v).isNull();
        } else {
            assertThat(v.pointer()).isEqualTo("/macCrc");
        }
    }

    @Provide
    Arbitrary<MacAddress> unicastMacs() {
        return Arbitraries.bytes().array(byte[].class).ofSize(6)
                .map(b -> {
                    b[0] = (byte) ((b[0] & 0xFE) | 0x02);
                    return new MacAddress(b);
                });
    }

    private static DeviceIdentified withMac(MacAddress mac, int crc) {
        return new DeviceIdentified(ESP32.stationId(), ESP32.jigId(), mac, crc, ESP32.chip(), ESP32.chipRevision(),
                ESP32.flashId(), ESP32.flashSizeBytes(), ESP32.securityInfo(), ESP32.efuseSummary(),
                ESP32.keyBlocks());
    }
}
