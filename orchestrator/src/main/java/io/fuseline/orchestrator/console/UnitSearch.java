package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.api.Macs;
import java.util.Locale;

/**
 * What someone typed in the unit search: a MAC or serial (a unit's serial is its MAC, as the recipes' NVS template
 * writes it; separators optional, any case) or a lot. {@link #mac()} is the canonical MAC for the first two.
 */
record UnitSearch(By by, String text) {

    enum By { MAC, SERIAL, LOT }

    /**
     * Reads the form; null when nothing was asked.
     *
     * @throws IllegalArgumentException with a message for the page when the text is not a MAC where one is needed
     */
    static UnitSearch parse(String by, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        By kind;
        try {
            kind = by == null || by.isBlank() ? By.MAC : By.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Search by MAC, serial or lot.");
        }
        UnitSearch search = new UnitSearch(kind, text.strip());
        if (kind != By.LOT) {
            search.mac();
        }
        return search;
    }

    /** The canonical MAC ({@code aa:bb:cc:dd:ee:ff}) of a MAC or serial search. */
    String mac() {
        return Macs.canonical(text, "a " + by.name().toLowerCase(Locale.ROOT));
    }
}
