package io.fuseline.station.sim;

import io.fuseline.station.jig.TcpTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A virtual jig on TCP: listens on 127.0.0.1, and every accepted connection is one reset of the chip into ROM
 * download mode (session state and baud rate start over; flash and eFuses persist). Connections are served one
 * at a time, as a UART has one host; a second client waits in the backlog. Run several servers for several jigs.
 *
 * <p>Units come and go like on a real fixture: {@link #eject()} takes the unit off (the host's connection drops and
 * later connections reach a USB-serial adapter with nothing behind it: bytes are swallowed, nothing answers), and
 * {@link #insert} puts the next one on.
 *
 * <p>Espressif's tools reach it as {@code esptool --port socket://127.0.0.1:PORT --before no_reset --no-stub}.
 * Thread-safe; {@link #close()} stops accepting and drops the current connection.
 */
public final class VirtualJigServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VirtualJigServer.class.getName());

    private volatile VirtualChip chip;
    private final ServerSocket server;
    private final Thread thread;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Socket current;

    private VirtualJigServer(VirtualChip chip, ServerSocket server) {
        this.chip = chip;
        this.server = server;
        this.thread = new Thread(this::acceptLoop, "virtual-jig-" + server.getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Starts an empty jig (no unit on it) on {@code host}:{@code port} (0 = any free port). */
    public static VirtualJigServer startEmpty(InetAddress host, int port) throws IOException {
        return start(null, host, port);
    }

    /** Starts serving {@code chip} on 127.0.0.1:{@code port} (0 = any free port). */
    public static VirtualJigServer start(VirtualChip chip, int port) throws IOException {
        return start(chip, InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Starts serving {@code chip} on {@code host}:{@code port} (0 = any free port). A non-loopback address exposes
     * the jig to the network: it has no authentication, as a UART has none.
     */
    public static VirtualJigServer start(VirtualChip chip, InetAddress host, int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(host, port), 4);
        VirtualJigServer jig = new VirtualJigServer(chip, s);
        jig.thread.start();
        return jig;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code socket://HOST:PORT}, e.g. {@code socket://127.0.0.1:5555}. */
    public String address() {
        String host = server.getInetAddress().getHostAddress();
        return "socket://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** The unit on the jig, or null when it is empty. */
    public VirtualChip chip() {
        return chip;
    }

    /** Puts {@code next} on the jig in place of whatever was there; the host's next connection reaches it. */
    public void insert(VirtualChip next) {
        chip = java.util.Objects.requireNonNull(next, "next");
        dropConnection();
    }

    /** Takes the unit off the jig: the host's connection drops, and nothing answers until {@link #insert}. */
    public VirtualChip eject() {
        VirtualChip was = chip;
        chip = null;
        dropConnection();
        return was;
    }

    private void dropConnection() {
        Socket s = current;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the jig's connection", e);
            }
        }
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                current = s;
                VirtualChip unit = chip;
                if (unit == null) {
                    swallow(s);
                } else {
                    new JigLink(unit).serve(new TcpTransport(s));
                }
            } catch (SocketException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "virtual jig accept failed", e);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "virtual jig connection failed", e);
            } finally {
                current = null;
            }
        }
    }

    /** An empty fixture: the adapter takes the host's bytes and nothing answers, until either side hangs up. */
    private static void swallow(Socket s) throws IOException {
        try (s) {
            byte[] sink = new byte[512];
            java.io.InputStream in = s.getInputStream();
            while (in.read(sink) >= 0) {
                // nothing is there to answer
            }
        } catch (SocketException e) {
            // dropped by insert() or by the host: the jig is ready for the next connection
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = current;
        if (s != null) {
            s.close();
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        VirtualChip unit = chip;
        return "VirtualJigServer[" + (unit == null ? "empty" : unit.config().chip() + " " + unit.config().mac())
                + " at " + address() + "]";
    }
}
