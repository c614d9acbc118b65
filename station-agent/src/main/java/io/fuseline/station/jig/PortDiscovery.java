package io.fuseline.station.jig;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Lists serial ports with their USB identities and opens a {@link PortAddress} as a {@link Transport}.
 * jSerialComm does not list ptys: a pty is opened by its path. Thread-safe; every call re-enumerates, because
 * jigs are replugged while a station runs.
 */
public final class PortDiscovery {

    private final Supplier<List<PortInfo>> source;

    /** Discovery over the OS's ports via jSerialComm. */
    public PortDiscovery() {
        this(PortDiscovery::systemPorts);
    }

    /** Discovery over a fixed source, for tests and for stations that pin their ports. */
    public PortDiscovery(Supplier<List<PortInfo>> source) {
        this.source = source;
    }

    public List<PortInfo> list() {
        return source.get();
    }

    /**
     * Resolves a USB identity or location to the one port it names.
     *
     * @throws IOException naming the address if no port or more than one matches (two identical adapters
     *                     without serial numbers must be addressed by location)
     */
    public PortInfo resolve(PortAddress address) throws IOException {
        List<PortInfo> hits = list().stream().filter(p -> p.matches(address)).toList();
        if (hits.isEmpty()) {
            throw new TransportClosedException("no serial port matches " + address);
        }
        if (hits.size() > 1) {
            throw new IOException(hits.size() + " serial ports match " + address + " ("
                    + hits.stream().map(PortInfo::path).toList() + "); add the serial number or use usb-path:");
        }
        return hits.get(0);
    }

    /**
     * Opens the transport an address names: TCP for {@code socket://}, the path as is, or the port a USB
     * identity resolves to.
     *
     * @param baud           initial line rate for serial ports (the ROM loader starts at 115200)
     * @param connectTimeout TCP connect timeout
     */
    public Transport open(PortAddress address, int baud, Duration connectTimeout) throws IOException {
        if (address instanceof PortAddress.Socket s) {
            return TcpTransport.connect(s.host(), s.port(), connectTimeout);
        }
        if (address instanceof PortAddress.DevicePath p) {
            return SerialTransport.open(p.path(), baud);
        }
        return SerialTransport.open(resolve(address).path(), baud);
    }

    private static List<PortInfo> systemPorts() {
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            // jSerialComm reports -1 for ports without a USB descriptor.
            OptionalInt vid = p.getVendorID() >= 0 ? OptionalInt.of(p.getVendorID()) : OptionalInt.empty();
            OptionalInt pid = p.getProductID() >= 0 ? OptionalInt.of(p.getProductID()) : OptionalInt.empty();
            out.add(new PortInfo(p.getSystemPortPath(), p.getPortDescription(), vid, pid,
                    nonBlank(p.getSerialNumber()), nonBlank(p.getPortLocation())));
        }
        return out;
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() || "Unknown".equals(s) ? Optional.empty() : Optional.of(s);
    }
}
