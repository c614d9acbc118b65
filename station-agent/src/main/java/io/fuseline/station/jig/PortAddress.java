package io.fuseline.station.jig;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a chip is: a device path, a TCP endpoint, or a USB identity that survives replugging (ttyUSB numbers
 * move, the adapter's VID:PID:serial and its physical hub position do not).
 *
 * <p>Accepted forms: {@code /dev/ttyUSB0} (or any path), {@code socket://127.0.0.1:4000},
 * {@code usb:303a:1001} / {@code usb:303a:1001:SERIAL} (hex VID and PID), {@code usb-path:1-1.2}.
 */
public sealed interface PortAddress {

    /** A device node or pty link, opened as is. */
    record DevicePath(String path) implements PortAddress {
        public DevicePath {
            if (path.isBlank()) {
                throw new IllegalArgumentException("empty device path");
            }
        }

        @Override
        public String toString() { return path; }
    }

    /** {@code socket://host:port}. */
    record Socket(String host, int port) implements PortAddress {
        public Socket {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("TCP port must be 1..65535, was " + port);
            }
        }

        @Override
        public String toString() { return "socket://" + host + ":" + port; }
    }

    /** A USB adapter by vendor and product id, and its serial number when several identical ones are plugged. */
    record UsbIdentity(int vendorId, int productId, Optional<String> serialNumber) implements PortAddress {
        public UsbIdentity {
            checkId(vendorId, "vendor");
            checkId(productId, "product");
            serialNumber = serialNumber.filter(s -> !s.isBlank());
        }

        @Override
        public String toString() {
            return String.format("usb:%04x:%04x", vendorId, productId) + serialNumber.map(s -> ":" + s).orElse("");
        }
    }

    /** A USB adapter by its physical position (bus-port chain as jSerialComm reports it, e.g. {@code 1-1.2}). */
    record UsbLocation(String location) implements PortAddress {
        public UsbLocation {
            if (location.isBlank()) {
                throw new IllegalArgumentException("empty USB location");
            }
        }

        @Override
        public String toString() { return "usb-path:" + location; }
    }

    /**
     * Parses one of the forms above.
     *
     * @throws IllegalArgumentException with the accepted forms in the message
     */
    public static PortAddress parse(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("socket://")) {
                String hostPort = s.substring("socket://".length());
                int colon = hostPort.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("missing port");
                }
                return new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
            }
            if (lower.startsWith("usb-path:")) {
                return new UsbLocation(s.substring("usb-path:".length()));
            }
            if (lower.startsWith("usb:")) {
                String[] parts = s.substring(4).split(":", 3);
                if (parts.length < 2) {
                    throw new IllegalArgumentException("need VID:PID");
                }
                return new UsbIdentity(Integer.parseInt(parts[0], 16), Integer.parseInt(parts[1], 16),
                        parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
            }
            return new DevicePath(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad port address '" + text + "' (" + e.getMessage() + "); use a"
                    + " device path, socket://HOST:PORT, usb:VID:PID[:SERIAL] or usb-path:LOCATION", e);
        }
    }

    private static void checkId(int id, String what) {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("USB " + what + " id must be 16 bits, was " + id);
        }
    }
}
