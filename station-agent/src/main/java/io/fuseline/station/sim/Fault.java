package io.fuseline.station.sim;

import io.fuseline.station.protocol.Opcode;

/**
 * A misbehaviour the virtual jig can be told to show. Occurrences count from 1 over the jig's lifetime, across
 * connections, so a one-shot fault does not come back after the client reconnects.
 */
public sealed interface Fault {

    /** Ignores the first {@code count} SYNC commands ({@link Integer#MAX_VALUE}: never answers). */
    record NoSync(int count) implements Fault {
    }

    /**
     * Drops the last {@code bytes} bytes of the SLIP frame answering the {@code occurrence}-th {@code op}
     * (as many as the frame has: the whole answer is lost).
     */
    record DropResponseBytes(Opcode op, int occurrence, int bytes) implements Fault {
    }

    /** Flips one data byte of the {@code occurrence}-th {@code op} request as it arrives (line noise inbound). */
    record CorruptRequest(Opcode op, int occurrence) implements Fault {
    }

    /** Answers {@code count} flash data blocks, starting with the {@code occurrence}-th, with a flash write error. */
    record FlashWriteError(int occurrence, int count) implements Fault {
    }

    /** After writing a block covering {@code flashOffset}, flips a bit there and still acknowledges the block. */
    record SilentFlashCorruption(int flashOffset) implements Fault {
    }

    /** Closes the connection instead of answering the {@code occurrence}-th {@code op}. */
    record DisconnectAt(Opcode op, int occurrence) implements Fault {
    }

    /** eFuse program commands are accepted and change nothing. */
    record BurnDoesNotStick() implements Fault {
    }

    /**
     * The chip arrives with security fuses already burned: flash encryption on (crypt counter 1) and Secure Boot V2
     * enabled (ESP32: ABS_DONE_1; S3/C3: SECURE_BOOT_EN). A station must refuse to provision it as blank.
     */
    record PreBurnedSecurity() implements Fault {
    }
}
