package io.fuseline.station.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The station agent's settings, under {@code fuseline.station}. Checked at start-up by {@link JigManager}:
 * every jig address must parse and every interval must be positive, or the service refuses to start. */
@ConfigMapping(prefix = "fuseline.station")
public interface StationConfig {

    /** This station's id: jobs for other ids are ignored; events carry it. Text, e.g. {@code st-01}. */
    @WithDefault("st-01")
    String id();

    /**
     * The jigs, one per entry: {@code socket://host:port} (a virtual jig or a serial-over-TCP bridge), a device path
     * ({@code /dev/ttyUSB0}) or a USB identity as {@link io.fuseline.station.jig.PortAddress#parse} reads it. The jig
     * id is {@code jig-<n>}, n counting from 1 in list order. Empty: no jigs (the service still runs).
     */
    @WithDefault("")
    List<String> jigs();

    /** Directory of firmware images, each named {@code <sha256>.bin} (lowercase hex of the plaintext). */
    @WithDefault("artifacts")
    Path artifactsDir();

    /** The PKCS#12 keystore holding the station key pair; created on first start if absent. */
    @WithDefault("station-keys/station.p12")
    Path keystore();

    /** File whose first line is the keystore password; created with a random password together with the keystore. */
    @WithDefault("station-keys/station.password")
    Path keystorePasswordFile();

    /**
     * Where the station's public key is written, as a PEM {@code PUBLIC KEY} block, at every start: the file a
     * security officer enrolls. Holds nothing secret.
     */
    @WithDefault("station-keys/station.pub.pem")
    Path publicKeyFile();

    /** How often an empty jig tries to sync with a unit, and an attached unit is checked for presence. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long opening a jig's port (TCP connect) may take. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Interval between StationHeartbeat events. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** The line rate serial jigs are opened at, in baud (the ROM loader's reset rate). */
    @WithDefault("115200")
    int baud();

    /** The software version reported in heartbeats. */
    @WithDefault("0.1.0-SNAPSHOT")
    String softwareVersion();
}
