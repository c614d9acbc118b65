package io.fuseline.station.jig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code socket://host:port}: a raw TCP byte stream to a virtual jig or a network serial server. It has no modem
 * lines and no baud rate, like pyserial's socket handler; Nagle is off because the loader exchanges small packets.
 */
public final class TcpTransport implements Transport {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String name;
    private int soTimeoutMillis = -1;

    /** Wraps a connected socket (the virtual jig's side uses this for accepted connections). */
    public TcpTransport(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.name = "socket://" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    /** Connects, waiting at most {@code connectTimeout}. */
    public static TcpTransport connect(String host, int port, Duration connectTimeout) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), Math.toIntExact(Math.max(1, connectTimeout.toMillis())));
            return new TcpTransport(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
        // SO_TIMEOUT 0 would mean "forever": never pass it.
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            if (millis != soTimeoutMillis) {
                socket.setSoTimeout(millis);
                soTimeoutMillis = millis;
            }
            int n = in.read(buf, off, len);
            if (n < 0) {
                throw new TransportClosedException(name + ": connection closed by peer");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (SocketException e) {
            throw new TransportClosedException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] data, int off, int len) throws IOException {
        try {
            out.write(data, off, len);
            out.flush();
        } catch (SocketException e) {
            throw new TransportClosedException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flushInput() throws IOException {
        byte[] sink = new byte[4096];
        while (in.available() > 0) {
            if (in.read(sink, 0, Math.min(sink.length, in.available())) < 0) {
                throw new TransportClosedException(name + ": connection closed by peer");
            }
        }
    }

    @Override
    public Optional<ModemLines> resetLines() {
        return Optional.empty();
    }

    @Override
    public void setBaudRate(int baud) {
        // A TCP stream has no line rate; the far end keeps its own.
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public String toString() {
        return "TcpTransport[" + name + "]";
    }
}
