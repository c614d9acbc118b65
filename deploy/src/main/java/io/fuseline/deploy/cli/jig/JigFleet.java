package io.fuseline.deploy.cli.jig;

import io.fuseline.esp.MacAddress;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several virtual jigs started together: consecutive ports (from the given one, or any free ports for 0) and
 * consecutive MACs (unless they share one on purpose). Closing the fleet stops every jig. Thread-safe once started.
 */
final class JigFleet implements AutoCloseable {

    private final List<VirtualJigServer> servers;

    private JigFleet(List<VirtualJigServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /**
     * Starts {@code count} jigs like {@code config}; jig {@code i} (from 0) listens on {@code port + i} and has MAC
     * {@code mac + i} unless {@code sameMac}. With several jigs, eFuse and flash files get {@code -i} before their
     * extension, so each jig keeps its own.
     */
    static JigFleet start(JigConfig config, InetAddress host, int port, int count, boolean sameMac) throws IOException {
        List<VirtualJigServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                JigConfig c = config.withMac(sameMac ? config.mac() : plus(config.mac(), i));
                if (count > 1) {
                    c = perJigFiles(c, i + 1);
                }
                started.add(VirtualJigServer.start(new VirtualChip(c), host, port == 0 ? 0 : port + i));
            }
            return new JigFleet(started);
        } catch (IOException | RuntimeException e) {
            for (VirtualJigServer s : started) {
                s.close();
            }
            throw e;
        }
    }

    List<VirtualJigServer> servers() { return servers; }

    static MacAddress plus(MacAddress mac, int n) {
        byte[] b = mac.bytes();
        long v = 0;
        for (byte x : b) {
            v = v << 8 | (x & 0xFF);
        }
        v = (v + n) & 0xFFFF_FFFF_FFFFL;
        for (int i = 5; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return new MacAddress(b);
    }

    private static JigConfig perJigFiles(JigConfig c, int index) {
        JigConfig out = c;
        if (c.efuseFile().isPresent()) {
            out = out.withEfuseFile(numbered(c.efuseFile().get(), index));
        }
        if (c.flashFile().isPresent()) {
            out = out.withFlashFile(numbered(c.flashFile().get(), index));
        }
        return out;
    }

    static Path numbered(Path p, int index) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + index + name.substring(dot) : name + "-" + index;
        return p.resolveSibling(numbered);
    }

    @Override
    public void close() throws IOException {
        for (VirtualJigServer s : servers) {
            s.close();
        }
    }
}
