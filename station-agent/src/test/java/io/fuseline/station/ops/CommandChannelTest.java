package io.fuseline.station.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.station.jig.ModemLines;
import io.fuseline.station.jig.Transport;
import io.fuseline.station.jig.TransportClosedException;
import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.protocol.Requests;
import io.fuseline.station.protocol.Response;
import io.fuseline.station.protocol.Slip;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request/response layer against a scripted byte source: noise, foreign answers, silence, a closed line. */
class CommandChannelTest {

    static final LoaderSettings SETTINGS = LoaderSettings.defaults().withCommandTimeout(Duration.ofMillis(50));

    /** Hands out scripted chunks one read at a time; empty script = silence; {@code closed} = peer gone. */
    static final class ScriptedTransport implements Transport {
        final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean closed;

        @Override
        public int read(byte[] buf, int off, int len, Duration timeout) throws TransportClosedException {
            if (closed) {
                throw new TransportClosedException("scripted: closed");
            }
            byte[] c = chunks.poll();
            if (c == null) {
                Thread.onSpinWait();
                return 0;
            }
            System.arraycopy(c, 0, buf, off, c.length);
            return c.length;
        }

        @Override
        public void write(byte[] data, int off, int len) {
            written.write(data, off, len);
        }

        @Override
        public void flushInput() {
            chunks.clear();
        }

        @Override
        public Optional<ModemLines> resetLines() {
            return Optional.empty();
        }

        @Override
        public void setBaudRate(int baud) {
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static byte[] answer(Opcode op, int value) {
        return Slip.encode(new Response(op.code(), value, new byte[4]).packet());
    }

    @Test
    void findsTheAnswerBehindABannerAndAnAnswerToAnotherCommand() throws Exception {
        ScriptedTransport t = new ScriptedTransport();
        t.chunks.add("ets Jun  8 2016 00:22:57\r\nrst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT)\r\n".getBytes());
        t.chunks.add(answer(Opcode.SYNC, 0x55201207));
        byte[] wanted = answer(Opcode.READ_REG, 0x00F01D83);
        t.chunks.add(java.util.Arrays.copyOfRange(wanted, 0, 5));
        t.chunks.add(java.util.Arrays.copyOfRange(wanted, 5, wanted.length));
        CommandChannel channel = new CommandChannel(t, SETTINGS);
        assertThat(channel.execute(Requests.readReg(0x40001000)).value()).isEqualTo(0x00F01D83);
        assertThat(t.written.toByteArray()).isEqualTo(Requests.readReg(0x40001000).toFrame());
    }

    @Test
    void silenceIsATypedRetriableTimeoutCarryingOpAndTimeout() {
        CommandChannel channel = new CommandChannel(new ScriptedTransport(), SETTINGS);
        assertThatThrownBy(() -> channel.execute(Requests.spiFlashMd5(0, 1024)))
                .isInstanceOfSatisfying(LoaderTimeoutException.class, e -> {
                    assertThat(e.op()).isEqualTo(Opcode.SPI_FLASH_MD5);
                    assertThat(e.timeout()).isEqualTo(SETTINGS.commandTimeout());
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).startsWith("SA-101");
                });
    }

    @Test
    void aFailureStatusIsACommandErrorWithTheRomText() {
        ScriptedTransport t = new ScriptedTransport();
        t.chunks.add(Slip.encode(new Response(Opcode.FLASH_DATA.code(), 0, new byte[] {1, 7, 0, 0}).packet()));
        CommandChannel channel = new CommandChannel(t, SETTINGS);
        assertThatThrownBy(() -> channel.execute(Requests.flashData(0, new byte[16], 0x400)))
                .isInstanceOfSatisfying(LoaderCommandException.class, e -> assertThat(e.retriable()).isTrue())
                .hasMessageContaining("Invalid CRC");
    }

    @Test
    void aClosedLineIsAnIoError() {
        ScriptedTransport t = new ScriptedTransport();
        t.closed = true;
        CommandChannel channel = new CommandChannel(t, SETTINGS);
        assertThatThrownBy(() -> channel.execute(Requests.readReg(0))).isInstanceOf(LoaderIoException.class)
                .hasMessageContaining("READ_REG");
    }
}
