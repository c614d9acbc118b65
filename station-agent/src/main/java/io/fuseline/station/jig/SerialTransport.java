package io.fuseline.station.jig;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A serial port (USB-UART adapter, USB-Serial/JTAG, or a pty) through jSerialComm, 8N1, no flow control.
 *
 * <p>Reads use jSerialComm's semi-blocking mode, so a read returns as soon as one byte is there or the timeout
 * passes. On a pty the DTR/RTS calls fail (ENOTTY); {@link #resetLines()} still offers the lines and the reset
 * strategies report "no reset lines". The baud rate is not enforced on a pty.
 */
public final class SerialTransport implements Transport {

    private final SerialPort port;
    private final String name;
    private int readTimeoutMillis = -1;

    private SerialTransport(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /**
     * Opens the port at {@code path} (e.g. {@code /dev/ttyUSB0}, a pty link) at {@code baud} and discards what
     * lingers in the input buffer (socat keeps bytes of an earlier run).
     *
     * @throws TransportClosedException if the port cannot be opened
     */
    public static SerialTransport open(String path, int baud) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new TransportClosedException(path + ": no such serial port", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new TransportClosedException(path + ": cannot open (error " + port.getLastErrorCode() + ")");
        }
        SerialTransport t = new SerialTransport(port, path);
        port.flushIOBuffers();
        return t;
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        // Reconfiguring the port is a native call: only do it when the timeout changes.
        if (millis != readTimeoutMillis) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    millis, 0);
            readTimeoutMillis = millis;
        }
        int n = port.readBytes(buf, len, off);
        if (n < 0) {
            throw new TransportClosedException(name + ": read failed (port closed or unplugged)");
        }
        return n;
    }

    @Override
    public void write(byte[] data, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = port.writeBytes(data, len - done, off + done);
            if (n < 0) {
                throw new TransportClosedException(name + ": write failed (port closed or unplugged)");
            }
            done += n;
        }
    }

    @Override
    public void flushInput() throws IOException {
        byte[] sink = new byte[4096];
        int available;
        while ((available = port.bytesAvailable()) > 0) {
            if (port.readBytes(sink, Math.min(sink.length, available)) < 0) {
                throw new TransportClosedException(name + ": read failed (port closed or unplugged)");
            }
        }
    }

    @Override
    public Optional<ModemLines> resetLines() {
        return Optional.of(new ModemLines() {
            @Override
            public boolean setDtr(boolean asserted) {
                return asserted ? port.setDTR() : port.clearDTR();
            }

            @Override
            public boolean setRts(boolean asserted) {
                return asserted ? port.setRTS() : port.clearRTS();
            }

            @Override
            public boolean setDtrAndRts(boolean dtr, boolean rts) {
                return port.setDTRandRTS(dtr, rts);
            }
        });
    }

    @Override
    public void setBaudRate(int baud) throws IOException {
        if (!port.setBaudRate(baud)) {
            throw new IOException(name + ": cannot set baud rate " + baud);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        port.closePort();
    }

    @Override
    public String toString() {
        return "SerialTransport[" + name + "]";
    }
}
