package io.fuseline.station.jig;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A byte pipe to one chip: a serial port, a pseudo-terminal or a TCP connection to a virtual jig or a network
 * serial server.
 *
 * <p>Threading: one thread reads and writes at a time (the loader is strictly request/response); {@link #close()}
 * may be called from another thread to unblock a reader, which then sees a {@link TransportClosedException}.
 * No method blocks longer than its timeout argument (reads) or the transport's write timeout (writes).
 */
public interface Transport extends AutoCloseable {

    /**
     * Reads up to {@code len} bytes into {@code buf[off..]}, waiting at most {@code timeout} for the first one.
     *
     * @return the number of bytes read, 0 if none arrived within the timeout
     * @throws TransportClosedException if the peer closed the connection or the port went away
     */
    int read(byte[] buf, int off, int len, Duration timeout) throws IOException;

    /** Writes all of {@code data[off..off+len)}; returns when the bytes are handed to the OS. */
    void write(byte[] data, int off, int len) throws IOException;

    default void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    /** Discards bytes received but not yet read (a boot banner, stale answers). */
    void flushInput() throws IOException;

    /**
     * The DTR/RTS lines that reset strategies drive, empty when the transport has none (TCP). A pty returns
     * lines whose calls report failure: reset strategies turn both into "no reset lines", never an error.
     */
    Optional<ModemLines> resetLines();

    /** Changes the line rate, in bits per second; ignored by transports without one (TCP, pty). */
    void setBaudRate(int baud) throws IOException;

    /** The address this transport was opened with, for logs. */
    String name();

    @Override
    void close() throws IOException;
}
