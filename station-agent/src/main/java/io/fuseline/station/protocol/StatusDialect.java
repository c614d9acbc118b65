package io.fuseline.station.protocol;

/**
 * Which loader is answering, as far as the packet layouts differ. The ESP32-family ROM ends every response
 * with four status bytes {@code status, error, 0, 0}; esptool's flasher stub (and the ESP8266 ROM) with two.
 * The same split decides a few request layouts, e.g. the ROM's extra zero word in SPI_ATTACH.
 */
public enum StatusDialect {
    ROM(4),
    STUB(2);

    private final int statusLength;

    StatusDialect(int statusLength) {
        this.statusLength = statusLength;
    }

    /** Number of trailing status bytes in a response's data. */
    public int statusLength() { return statusLength; }
}
