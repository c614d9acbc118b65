package io.fuseline.deploy.cli.station;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.function.BooleanSupplier;

/**
 * Whether a person sits at this process's terminal: decides progress bars versus percent lines and whether a typed
 * confirmation can be asked for at all. Tests replace {@link #interactive}.
 */
final class Terminal {

    static BooleanSupplier interactive = Terminal::consoleIsTerminal;

    private Terminal() {
    }

    static boolean interactive() {
        return interactive.getAsBoolean();
    }

    /**
     * JDK 22+ returns a Console even for redirected streams and says so through {@code Console.isTerminal()}; JDK 17
     * returns null then. Reflection, because the code is compiled for release 17 and must run on 25.
     */
    private static boolean consoleIsTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }
}
