package io.fuseline.station.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlipTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void escapesDelimiterAndEscapeBytes() {
        byte[] frame = Slip.encode(HEX.parseHex("01c002db03"));
        assertThat(HEX.formatHex(frame)).isEqualTo("c001dbdc02dbdd03c0");
    }

    @Test
    void emptyPacketIsTwoDelimiters() {
        assertThat(HEX.formatHex(Slip.encode(new byte[0]))).isEqualTo("c0c0");
    }

    @Test
    void encodesIntoACallerBufferAtAnOffset() {
        byte[] packet = HEX.parseHex("aac0bb");
        byte[] dst = new byte[12];
        int n = Slip.encode(packet, 1, 1, dst, 3);
        assertThat(n).isEqualTo(Slip.encodedLength(packet, 1, 1)).isEqualTo(4);
        assertThat(HEX.formatHex(dst, 3, 7)).isEqualTo("c0dbdcc0");
    }

    @Test
    void refusesABufferTooSmallForTheFrame() {
        byte[] packet = HEX.parseHex("c0c0");
        assertThatThrownBy(() -> Slip.encode(packet, 0, 2, new byte[5], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void randomPacketsRoundTripThroughTheDecoder() {
        Random random = new Random(0x5EED);
        SlipDecoder decoder = new SlipDecoder();
        for (int i = 0; i < 500; i++) {
            byte[] packet = new byte[1 + random.nextInt(600)];
            random.nextBytes(packet);
            // Bias towards the bytes SLIP has to escape.
            for (int j = 0; j < packet.length; j += 1 + random.nextInt(8)) {
                packet[j] = (byte) (random.nextBoolean() ? Slip.END : Slip.ESC);
            }
            byte[] frame = Slip.encode(packet);
            assertThat(frame).hasSize(Slip.encodedLength(packet, 0, packet.length));
            List<byte[]> out = new ArrayList<>();
            decoder.feed(frame, out::add);
            assertThat(out).singleElement().isEqualTo(packet);
        }
        assertThat(decoder.frames()).isEqualTo(500);
    }
}
