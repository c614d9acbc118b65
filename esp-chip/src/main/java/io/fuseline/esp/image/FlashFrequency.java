package io.fuseline.esp.image;

/**
 * SPI flash clock. The low nibble of header byte 3 that encodes it depends on the chip: see
 * {@link ImageChip#frequencyNibble(FlashFrequency)}.
 */
public enum FlashFrequency {
    F80M("80m"), F40M("40m"), F26M("26m"), F20M("20m");

    private final String label;

    FlashFrequency(String label) {
        this.label = label;
    }

    /** esptool's spelling ({@code 40m}). */
    public String label() {
        return label;
    }
}
