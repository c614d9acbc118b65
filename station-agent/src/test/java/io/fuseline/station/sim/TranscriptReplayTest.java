package io.fuseline.station.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.station.protocol.WireTranscript;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays every packet the real esptool and espefuse sent in the recorded ROM sessions against a virtual chip
 * configured like the recorded one, one session per recorded connection, and compares every answer byte for byte:
 * connect and detect, SPI flash id, eFuse reads and burns (3/4-less ESP32 key burn, S3 RS key burns, purposes,
 * write protection, SPI_BOOT_CRYPT_CNT), plain/compressed/encrypted writes, MD5, READ_FLASH_SLOW.
 */
class TranscriptReplayTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"esp32_wire_transcript.txt, ESP32", "esp32s3_wire_transcript.txt, ESP32S3"})
    void theVirtualChipAnswersEveryRecordedPacketAsRecorded(String file, ChipFamily family) throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family));
        HexFormat hex = HexFormat.of();
        List<String> mismatches = new ArrayList<>();
        int connection = Integer.MIN_VALUE;
        RomSession session = null;
        int compared = 0;
        for (WireTranscript.Exchange x : WireTranscript.load(file).exchanges()) {
            if (x.connection() != connection) {
                connection = x.connection();
                session = chip.newSession();
            }
            List<String> ours = session.handle(x.packet()).packets().stream().map(hex::formatHex).toList();
            List<String> recorded = x.answers().stream().map(hex::formatHex).toList();
            compared++;
            if (!ours.equals(recorded)) {
                mismatches.add(String.format("line %d %s: recorded %s, ours %s", x.line(), hex.formatHex(x.packet()),
                        recorded, ours));
            }
        }
        assertThat(compared).isGreaterThan(500);
        assertThat(mismatches).as("answers that differ from the recording (%d)", mismatches.size()).isEmpty();
    }
}
