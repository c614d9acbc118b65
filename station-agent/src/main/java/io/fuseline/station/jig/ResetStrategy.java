package io.fuseline.station.jig;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * How to put a chip into ROM download mode (or restart it) with the adapter's DTR/RTS lines (NOTES §e.5).
 * Every strategy is a fixed list of {@link ResetStep}s run by {@link #apply}; on a transport without modem lines
 * (TCP, pty) the outcome is {@link ResetOutcome#NO_RESET_LINES} and the caller carries on, as esptool does.
 */
public sealed interface ResetStrategy {

    /** The steps, in order. */
    List<ResetStep> steps();

    /**
     * Runs the steps on {@code transport}, pausing with {@code pause} for each wait. Blocks for the sum of the
     * waits (a few hundred milliseconds).
     *
     * @return {@link ResetOutcome#NOT_REQUESTED} for {@link NoReset}, {@link ResetOutcome#NO_RESET_LINES} when the
     *         transport has no lines or refuses the first line change, else {@link ResetOutcome#RESET}
     */
    default ResetOutcome apply(Transport transport, Pause pause) throws InterruptedException {
        if (steps().isEmpty()) {
            return ResetOutcome.NOT_REQUESTED;
        }
        var lines = transport.resetLines();
        if (lines.isEmpty()) {
            return ResetOutcome.NO_RESET_LINES;
        }
        ModemLines m = lines.get();
        for (ResetStep step : steps()) {
            boolean ok = true;
            if (step instanceof ResetStep.Dtr d) {
                ok = m.setDtr(d.asserted());
            } else if (step instanceof ResetStep.Rts r) {
                ok = m.setRts(r.asserted());
            } else if (step instanceof ResetStep.Both b) {
                ok = m.setDtrAndRts(b.dtr(), b.rts());
            } else if (step instanceof ResetStep.Wait w) {
                pause.pause(w.duration());
            }
            if (!ok) {
                return ResetOutcome.NO_RESET_LINES;
            }
        }
        return ResetOutcome.RESET;
    }

    /** Waits between line changes; production code sleeps, tests record. */
    @FunctionalInterface
    interface Pause {
        Pause SLEEP = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

        void pause(Duration d) throws InterruptedException;
    }

    /** What a reset attempt achieved. */
    enum ResetOutcome {
        RESET,
        /** The transport has no DTR/RTS (TCP) or the driver refused them (pty): reset the chip by hand. */
        NO_RESET_LINES,
        NOT_REQUESTED
    }

    /** DTR/RTS one at a time: EN low, GPIO0 low, release EN, release GPIO0 after {@code holdBoot}. */
    record ClassicReset(Duration holdBoot) implements ResetStrategy {
        public static final ClassicReset DEFAULT = new ClassicReset(Duration.ofMillis(50));

        @Override
        public List<ResetStep> steps() {
            return ResetStep.parseSequence("D0|R1|W0.1|D1|R0|W" + seconds(holdBoot) + "|D0");
        }
    }

    /** Both lines per ioctl, so no glitch of both asserted reaches the chip between two calls (Linux/macOS). */
    record UnixTightReset(Duration holdBoot) implements ResetStrategy {
        public static final UnixTightReset DEFAULT = new UnixTightReset(Duration.ofMillis(50));

        @Override
        public List<ResetStep> steps() {
            return ResetStep.parseSequence("U0,0|U1,1|U0,1|W0.1|U1,0|W" + seconds(holdBoot) + "|U0,0|D0");
        }
    }

    /** The built-in USB-Serial/JTAG peripheral (PID 0x1001), whose lines are decoded by the chip itself. */
    record UsbJtagSerialReset() implements ResetStrategy {
        @Override
        public List<ResetStep> steps() {
            return ResetStep.parseSequence("R0|D0|W0.1|D1|R0|W0.1|R1|D0|R1|W0.1|D0|R0");
        }
    }

    /** Pulses EN to restart the chip into its application (after provisioning). */
    record HardReset(boolean usbOtg) implements ResetStrategy {
        @Override
        public List<ResetStep> steps() {
            return ResetStep.parseSequence(usbOtg ? "R1|W0.2|R0|W0.2" : "R1|W0.1|R0");
        }
    }

    /** A sequence from configuration, e.g. {@code D0|R1|W0.1|D1|R0|W0.05|D0}. */
    record CustomReset(List<ResetStep> steps) implements ResetStrategy {
        public CustomReset {
            steps = List.copyOf(steps);
        }

        public static CustomReset parse(String sequence) {
            return new CustomReset(ResetStep.parseSequence(sequence));
        }
    }

    /** Leaves the lines alone: the chip is already in the loader (virtual jig, socket://, manual boot button). */
    record NoReset() implements ResetStrategy {
        @Override
        public List<ResetStep> steps() {
            return List.of();
        }
    }

    private static String seconds(Duration d) {
        return Double.toString(d.toNanos() / 1e9);
    }
}
