package io.fuseline.deploy.cli.jig;

import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.sim.Fault;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The {@code --fault NAME[:ARG[:ARG]]} spellings of the virtual jig's faults. {@code duplicate-mac} is not a chip
 * fault but a fleet one: every jig of {@code --count} gets the same MAC.
 */
final class FaultSpec {

    static final String HELP = "no-sync[:N] (ignore the first N SYNCs; default all), drop-answer:OP[:N] (lose the "
            + "answer to the N-th OP), corrupt-request:OP[:N], flash-write-error[:N[:COUNT]] (fail COUNT data "
            + "blocks from the N-th), silent-flash-corruption:OFFSET, disconnect-at:OP[:N], burn-does-not-stick, "
            + "pre-burned-security, duplicate-mac (with --count: every jig gets the same MAC). OP is a ROM command "
            + "name such as flash_data, read_reg, sync.";

    static final String DUPLICATE_MAC = "duplicate-mac";

    private FaultSpec() {
    }

    /** The chip fault a spelling names; empty for {@code duplicate-mac}. */
    static Optional<Fault> parse(String text) {
        List<String> parts = Arrays.asList(text.strip().toLowerCase(Locale.ROOT).split(":"));
        String name = parts.get(0);
        try {
            return switch (name) {
                case "no-sync" -> Optional.of(new Fault.NoSync(intArg(parts, 1, Integer.MAX_VALUE)));
                case "drop-answer" -> Optional.of(new Fault.DropResponseBytes(op(parts), intArg(parts, 2, 1),
                        Integer.MAX_VALUE));
                case "corrupt-request" -> Optional.of(new Fault.CorruptRequest(op(parts), intArg(parts, 2, 1)));
                case "flash-write-error" -> Optional.of(new Fault.FlashWriteError(intArg(parts, 1, 1),
                        intArg(parts, 2, 1)));
                case "silent-flash-corruption" -> Optional.of(new Fault.SilentFlashCorruption(intArg(parts, 1, 0)));
                case "disconnect-at" -> Optional.of(new Fault.DisconnectAt(op(parts), intArg(parts, 2, 1)));
                case "burn-does-not-stick" -> Optional.of(new Fault.BurnDoesNotStick());
                case "pre-burned-security" -> Optional.of(new Fault.PreBurnedSecurity());
                case DUPLICATE_MAC -> Optional.empty();
                default -> throw new IllegalArgumentException("unknown fault '" + name + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("bad --fault '" + text + "': " + e.getMessage()
                    + ". Faults: " + HELP);
        }
    }

    private static Opcode op(List<String> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("needs a ROM command, e.g. " + parts.get(0) + ":flash_data");
        }
        String want = parts.get(1).replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(Opcode.values()).filter(o -> o.name().equals(want)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ROM command '" + parts.get(1) + "'"));
    }

    private static int intArg(List<String> parts, int index, int fallback) {
        return parts.size() > index ? Integer.decode(parts.get(index)) : fallback;
    }
}
