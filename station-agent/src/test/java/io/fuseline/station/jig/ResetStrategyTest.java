package io.fuseline.station.jig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.station.jig.ResetStrategy.ResetOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResetStrategyTest {

    /** Records line changes and waits as one timeline; {@code accept} false models a pty (ENOTTY). */
    static final class FakePort implements Transport, ModemLines {
        final List<String> timeline = new ArrayList<>();
        final boolean hasLines;
        final boolean accept;

        FakePort(boolean hasLines, boolean accept) {
            this.hasLines = hasLines;
            this.accept = accept;
        }

        @Override
        public boolean setDtr(boolean asserted) {
            timeline.add("D" + (asserted ? 1 : 0));
            return accept;
        }

        @Override
        public boolean setRts(boolean asserted) {
            timeline.add("R" + (asserted ? 1 : 0));
            return accept;
        }

        @Override
        public boolean setDtrAndRts(boolean dtr, boolean rts) {
            timeline.add("U" + (dtr ? 1 : 0) + "," + (rts ? 1 : 0));
            return accept;
        }

        void pause(Duration d) {
            timeline.add("W" + d.toMillis() + "ms");
        }

        @Override
        public int read(byte[] buf, int off, int len, Duration timeout) {
            return 0;
        }

        @Override
        public void write(byte[] data, int off, int len) {
        }

        @Override
        public void flushInput() {
        }

        @Override
        public Optional<ModemLines> resetLines() {
            return hasLines ? Optional.of(this) : Optional.empty();
        }

        @Override
        public void setBaudRate(int baud) {
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void close() throws IOException {
        }
    }

    @Test
    void classicResetHoldsEnThenReleasesItWithBootLow() throws Exception {
        FakePort port = new FakePort(true, true);
        assertThat(ResetStrategy.ClassicReset.DEFAULT.apply(port, port::pause)).isEqualTo(ResetOutcome.RESET);
        assertThat(port.timeline).containsExactly("D0", "R1", "W100ms", "D1", "R0", "W50ms", "D0");
    }

    @Test
    void unixTightResetSetsBothLinesPerCall() throws Exception {
        FakePort port = new FakePort(true, true);
        ResetStrategy.UnixTightReset.DEFAULT.apply(port, port::pause);
        assertThat(port.timeline).containsExactly("U0,0", "U1,1", "U0,1", "W100ms", "U1,0", "W50ms", "U0,0", "D0");
    }

    @Test
    void usbJtagAndHardResetFollowTheNotes() throws Exception {
        FakePort port = new FakePort(true, true);
        new ResetStrategy.UsbJtagSerialReset().apply(port, port::pause);
        assertThat(port.timeline).containsExactly("R0", "D0", "W100ms", "D1", "R0", "W100ms", "R1", "D0", "R1",
                "W100ms", "D0", "R0");
        port.timeline.clear();
        new ResetStrategy.HardReset(false).apply(port, port::pause);
        assertThat(port.timeline).containsExactly("R1", "W100ms", "R0");
    }

    @Test
    void aCustomSequenceFromConfigurationRunsAsWritten() throws Exception {
        FakePort port = new FakePort(true, true);
        ResetStrategy custom = ResetStrategy.CustomReset.parse("D0|R1|W0.1|D1|R0|W0.05|D0");
        assertThat(custom.apply(port, port::pause)).isEqualTo(ResetOutcome.RESET);
        assertThat(port.timeline).containsExactly("D0", "R1", "W100ms", "D1", "R0", "W50ms", "D0");
        assertThat(custom.steps().toString()).isEqualTo("[D0, R1, W0.1, D1, R0, W0.05, D0]");
    }

    @Test
    void badCustomStepsAreRejectedByName() {
        assertThatThrownBy(() -> ResetStrategy.CustomReset.parse("D0|X1")).hasMessageContaining("'X1'");
        assertThatThrownBy(() -> ResetStrategy.CustomReset.parse("D2")).hasMessageContaining("'D2'");
        assertThatThrownBy(() -> ResetStrategy.CustomReset.parse("U1")).hasMessageContaining("'U1'");
    }

    @Test
    void aTransportWithoutLinesOrWithRefusedLinesReportsNoResetLinesWithoutWaiting() throws Exception {
        FakePort tcp = new FakePort(false, true);
        assertThat(ResetStrategy.ClassicReset.DEFAULT.apply(tcp, tcp::pause)).isEqualTo(ResetOutcome.NO_RESET_LINES);
        assertThat(tcp.timeline).isEmpty();
        FakePort pty = new FakePort(true, false);
        assertThat(ResetStrategy.UnixTightReset.DEFAULT.apply(pty, pty::pause))
                .isEqualTo(ResetOutcome.NO_RESET_LINES);
        assertThat(pty.timeline).containsExactly("U0,0");
    }

    @Test
    void noResetTouchesNothing() throws Exception {
        FakePort port = new FakePort(true, true);
        assertThat(new ResetStrategy.NoReset().apply(port, port::pause)).isEqualTo(ResetOutcome.NOT_REQUESTED);
        assertThat(port.timeline).isEmpty();
    }
}
