package io.fuseline.deploy.cli.station;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The typed confirmation before an irreversible burn: the operator types {@code BURN}. Without a terminal (a script,
 * CI) nobody can type it, so the burn is refused unless {@code --yes} was given.
 */
final class Confirmation {

    static final String WORD = "BURN";

    private Confirmation() {
    }

    /**
     * Asks for {@value #WORD} on standard input, unless {@code yes}.
     *
     * @throws IllegalStateException refused: not a terminal without {@code --yes}, or another answer
     */
    static void require(PrintWriter out, String what, boolean yes) throws IOException {
        if (yes) {
            return;
        }
        if (!Terminal.interactive()) {
            throw new IllegalStateException("refusing to burn eFuses without confirmation: standard input is not a "
                    + "terminal; add --yes to burn non-interactively");
        }
        out.println(what);
        out.print("This is irreversible. Type " + WORD + " to continue: ");
        out.flush();
        // Not closed: it wraps System.in, which belongs to the process.
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.strip().equals(WORD)) {
            throw new IllegalStateException("not confirmed (expected " + WORD + "): nothing was burned");
        }
    }
}
