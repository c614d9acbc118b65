package io.fuseline.station.jig;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One serial port the OS lists, with the identities a {@link PortAddress} can select it by.
 *
 * @param path         device path to open
 * @param description  the driver's or adapter's description
 * @param vendorId     USB vendor id, empty for non-USB ports
 * @param productId    USB product id, empty for non-USB ports
 * @param serialNumber USB serial number, empty when the adapter has none
 * @param location     physical position (bus-port chain), empty when unknown
 */
public record PortInfo(String path, String description, OptionalInt vendorId, OptionalInt productId,
        Optional<String> serialNumber, Optional<String> location) {

    /** Whether this port is the one {@code address} names; a socket address never matches a serial port. */
    public boolean matches(PortAddress address) {
        // Java 17: no pattern switch; the interface is sealed, so this chain is complete.
        if (address instanceof PortAddress.DevicePath p) {
            return p.path().equals(path);
        }
        if (address instanceof PortAddress.UsbIdentity u) {
            return vendorId.equals(OptionalInt.of(u.vendorId()))
                    && productId.equals(OptionalInt.of(u.productId()))
                    && (u.serialNumber().isEmpty() || u.serialNumber().equals(serialNumber));
        }
        if (address instanceof PortAddress.UsbLocation l) {
            return location.equals(Optional.of(l.location()));
        }
        return false;
    }

    /** {@code /dev/ttyUSB0  usb:10c4:ea60:0001  usb-path:1-1.2  CP2102 USB to UART}. */
    public String describe() {
        StringBuilder b = new StringBuilder(path);
        if (vendorId.isPresent() && productId.isPresent()) {
            b.append("  ").append(new PortAddress.UsbIdentity(vendorId.getAsInt(), productId.getAsInt(), serialNumber));
        }
        location.ifPresent(l -> b.append("  usb-path:").append(l));
        return b.append("  ").append(description).toString();
    }
}
