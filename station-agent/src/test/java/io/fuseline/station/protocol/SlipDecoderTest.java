package io.fuseline.station.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlipDecoderTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Collects frames and discards. */
    private static final class Sink implements SlipDecoder.FrameSink {
        final List<String> frames = new ArrayList<>();
        final List<SlipDecoder.Discard> discards = new ArrayList<>();

        @Override
        public void onFrame(byte[] frame) {
            frames.add(HEX.formatHex(frame));
        }

        @Override
        public void onDiscard(SlipDecoder.Discard reason, int length) {
            discards.add(reason);
        }
    }

    @Test
    void bytesFedOneAtATimeGiveTheSameFramesAsOneChunk() {
        byte[] wire = HEX.parseHex("c00108dbdc00c0c0010adbdd02c0");
        Sink whole = new Sink();
        new SlipDecoder().feed(wire, whole);
        Sink single = new Sink();
        SlipDecoder decoder = new SlipDecoder();
        for (int i = 0; i < wire.length; i++) {
            decoder.feed(wire, i, 1, single);
        }
        assertThat(whole.frames).containsExactly("0108c000", "010adb02");
        assertThat(single.frames).isEqualTo(whole.frames);
    }

    @Test
    void garbageBetweenFramesIsSkippedAndCounted() {
        byte[] banner = ("ets Jun  8 2016 00:22:57\r\n"
                + "rst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\n"
                + "waiting for download\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(banner);
        wire.writeBytes(Slip.encode(HEX.parseHex("0108")));
        wire.writeBytes(HEX.parseHex("0d0a"));
        wire.writeBytes(Slip.encode(HEX.parseHex("010a")));
        Sink sink = new Sink();
        SlipDecoder decoder = new SlipDecoder();
        decoder.feed(wire.toByteArray(), sink);

        assertThat(sink.frames).containsExactly("0108", "010a");
        assertThat(decoder.garbageBytes()).isEqualTo(banner.length + 2);
        assertThat(decoder.inFrame()).isFalse();
    }

    @Test
    void aBadEscapeDropsThatFrameAndTheNextFrameDecodes() {
        Sink sink = new Sink();
        SlipDecoder decoder = new SlipDecoder();
        decoder.feed(HEX.parseHex("c00102db41aac0" + "c00304c0"), sink);

        assertThat(sink.frames).containsExactly("0304");
        assertThat(sink.discards).containsExactly(SlipDecoder.Discard.BAD_ESCAPE);
        assertThat(decoder.badEscapes()).isEqualTo(1);
        assertThat(decoder.garbageBytes()).isZero();
    }

    @Test
    void aBadEscapeRightBeforeADelimiterResynchronisesOnIt() {
        Sink sink = new Sink();
        SlipDecoder decoder = new SlipDecoder();
        // DB C0: the frame is broken, and that C0 may already open the next frame.
        decoder.feed(HEX.parseHex("c00102dbc00506c0"), sink);

        assertThat(sink.frames).containsExactly("0506");
        assertThat(decoder.badEscapes()).isEqualTo(1);
    }

    @Test
    void emptyFramesAreNotReported() {
        Sink sink = new Sink();
        SlipDecoder decoder = new SlipDecoder();
        decoder.feed(HEX.parseHex("c0c0c0c001c0"), sink);
        assertThat(sink.frames).containsExactly("01");
        assertThat(decoder.frames()).isEqualTo(1);
    }

    @Test
    void anOversizeFrameIsDroppedWithoutGrowingPastTheBound() {
        SlipDecoder decoder = new SlipDecoder(64);
        Sink sink = new Sink();
        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            if (noise[i] == (byte) Slip.END || noise[i] == (byte) Slip.ESC) {
                noise[i] = 0x55;
            }
        }
        decoder.feed(HEX.parseHex("c0"), sink);
        decoder.feed(noise, sink);
        decoder.feed(HEX.parseHex("c0c0aabbc0"), sink);

        assertThat(sink.frames).containsExactly("aabb");
        assertThat(sink.discards).containsExactly(SlipDecoder.Discard.OVERSIZE);
        assertThat(decoder.oversizeFrames()).isEqualTo(1);
        assertThat(decoder.bufferCapacity()).isLessThanOrEqualTo(64);
    }

    @Test
    void aFrameOfExactlyTheMaximumIsDelivered() {
        SlipDecoder decoder = new SlipDecoder(300);
        Sink sink = new Sink();
        byte[] packet = new byte[300];
        decoder.feed(Slip.encode(packet), sink);
        assertThat(sink.frames).hasSize(1);
        assertThat(decoder.oversizeFrames()).isZero();
        assertThat(decoder.bufferCapacity()).isEqualTo(300);
    }

    @Test
    void resetForgetsAPartialFrame() {
        SlipDecoder decoder = new SlipDecoder();
        Sink sink = new Sink();
        decoder.feed(HEX.parseHex("c00102"), sink);
        assertThat(decoder.inFrame()).isTrue();
        decoder.reset();
        decoder.feed(HEX.parseHex("03c0c004c0"), sink);
        assertThat(sink.frames).containsExactly("04");
        assertThat(decoder.garbageBytes()).isEqualTo(1);
    }

    @Test
    void randomStreamsWithNoiseAndRandomChunksRecoverEveryCleanFrame() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            List<String> sent = new ArrayList<>();
            for (int f = 0; f < 40; f++) {
                byte[] packet = new byte[1 + random.nextInt(200)];
                random.nextBytes(packet);
                sent.add(HEX.formatHex(packet));
                wire.writeBytes(Slip.encode(packet));
                if (random.nextInt(4) == 0) {
                    // Noise between frames that contains no delimiter.
                    for (int g = random.nextInt(20); g > 0; g--) {
                        wire.write(random.nextInt(0xC0));
                    }
                }
            }
            byte[] bytes = wire.toByteArray();
            Sink sink = new Sink();
            SlipDecoder decoder = new SlipDecoder();
            for (int i = 0; i < bytes.length; ) {
                int n = Math.min(bytes.length - i, random.nextInt(64) + 1);
                decoder.feed(bytes, i, n, sink);
                i += n;
            }
            assertThat(sink.frames).containsExactlyElementsOf(sent);
            assertThat(decoder.badEscapes() + decoder.oversizeFrames()).isZero();
        }
    }

    @Test
    void rejectsANonPositiveBound() {
        assertThatThrownBy(() -> new SlipDecoder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
