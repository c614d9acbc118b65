package io.fuseline.station.jig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One step of a reset sequence, in the notation of esptool's {@code custom_reset_sequence}:
 * {@code D0}/{@code D1} set DTR, {@code R0}/{@code R1} set RTS, {@code U0,1} sets both at once (DTR, RTS),
 * {@code W0.1} waits 0.1 s. {@code 1} = asserted.
 */
public sealed interface ResetStep {

    record Dtr(boolean asserted) implements ResetStep {
        @Override
        public String toString() { return "D" + (asserted ? 1 : 0); }
    }

    record Rts(boolean asserted) implements ResetStep {
        @Override
        public String toString() { return "R" + (asserted ? 1 : 0); }
    }

    record Both(boolean dtr, boolean rts) implements ResetStep {
        @Override
        public String toString() { return "U" + (dtr ? 1 : 0) + "," + (rts ? 1 : 0); }
    }

    record Wait(Duration duration) implements ResetStep {
        public Wait {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative wait " + duration);
            }
        }

        @Override
        public String toString() { return "W" + duration.toNanos() / 1e9; }
    }

    /**
     * Parses {@code D0|R1|W0.1|D1|R0|W0.05|D0}.
     *
     * @throws IllegalArgumentException naming the step that does not parse
     */
    static List<ResetStep> parseSequence(String sequence) {
        List<ResetStep> steps = new ArrayList<>();
        for (String raw : sequence.split("\\|")) {
            String s = raw.strip().toUpperCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            try {
                steps.add(parseStep(s));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad reset step '" + raw + "' in '" + sequence
                        + "' (use D0/D1, R0/R1, U<dtr>,<rts>, W<seconds>)", e);
            }
        }
        return List.copyOf(steps);
    }

    private static ResetStep parseStep(String s) {
        String arg = s.substring(1);
        return switch (s.charAt(0)) {
            case 'D' -> new Dtr(bit(arg));
            case 'R' -> new Rts(bit(arg));
            case 'U' -> {
                String[] two = arg.split(",");
                if (two.length != 2) {
                    throw new IllegalArgumentException("U needs two values");
                }
                yield new Both(bit(two[0]), bit(two[1]));
            }
            case 'W' -> new Wait(Duration.ofNanos(Math.round(Double.parseDouble(arg) * 1e9)));
            default -> throw new IllegalArgumentException("unknown command " + s.charAt(0));
        };
    }

    private static boolean bit(String v) {
        return switch (v.strip()) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalArgumentException("expected 0 or 1, got " + v);
        };
    }
}
