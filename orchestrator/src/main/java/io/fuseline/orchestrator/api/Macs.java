package io.fuseline.orchestrator.api;

import io.fuseline.esp.MacAddress;
import java.util.Locale;

/**
 * MACs and serials as people type them. A unit's serial is its MAC (the recipes' NVS template writes
 * {@code serial = ${mac}}), so a serial is accepted with colons, dashes or no separators, in either case.
 */
public final class Macs {
    private Macs() {
    }

    /** The canonical MAC ({@code aa:bb:cc:dd:ee:ff}) for {@code text}, which names {@code what} in errors. */
    public static String canonical(String text, String what) {
        String hex = text == null ? "" : text.replaceAll("[:\\-. ]", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{12}")) {
            throw new IllegalArgumentException(what + " must be a MAC: 12 hex digits, separators optional (e.g. "
                    + "f4:12:fa:00:00:01)");
        }
        return MacAddress.parse(hex.replaceAll("(..)(?!$)", "$1:")).toString();
    }
}
