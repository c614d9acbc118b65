package io.fuseline.esp.image;

import java.util.Optional;

/** SPI flash mode, image header byte 2. Codes are the same for every ESP32-family chip. */
public enum FlashMode {
    QIO(0), QOUT(1), DIO(2), DOUT(3);

    private final int code;

    FlashMode(int code) {
        this.code = code;
    }

    /** The value of header byte 2. */
    public int code() {
        return code;
    }

    /** The mode for header byte 2, empty for a value esptool does not know either. */
    public static Optional<FlashMode> fromCode(int code) {
        for (FlashMode m : values()) {
            if (m.code == code) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
