package io.fuseline.station.bench;

import io.fuseline.esp.ChipFamily;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.FlashWriteOptions;
import io.fuseline.station.ops.FlashWriteResult;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

/**
 * Write throughput of the ROM loader client against a virtual jig whose line is limited to 921600 baud (92160
 * bytes/s each way), printed as a fraction of that line rate. Not a JUnit test: run it by hand (the exec plugin
 * does not resolve offline here, so build the class path with the dependency plugin):
 * <pre>
 * ./mvnw -q -B -o -pl station-agent test-compile dependency:build-classpath \
 *     -Dfuseline.build.dir=/tmp/build-station -Dmdep.outputFile=/tmp/build-station/cp.txt -Dmdep.includeScope=test \
 *   &amp;&amp; java -cp /tmp/build-station/test-classes:/tmp/build-station/classes:$(cat /tmp/build-station/cp.txt) \
 *     io.fuseline.station.bench.ThroughputBenchmark [esp32|esp32s3|esp32c3]
 * </pre>
 * The client connects at 115200 and switches to 921600 with CHANGE_BAUDRATE; the jig's limit follows the session's
 * baud, capped at 921600. The virtual chip writes flash instantly, so the figures measure the protocol and the line,
 * not a flash chip's program time (a real ROM also inflates and programs before acknowledging a DEFL block).
 * The time measured is FLASH_BEGIN through the last block's answer; the MD5 check afterwards is not counted.
 */
public final class ThroughputBenchmark {

    static final int BAUD = 921600;
    static final int SIZE = 1 << 20;

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ChipFamily family = args.length > 0 ? ChipFamily.parse(args[0]) : ChipFamily.ESP32;
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family).withBaudLimit(BAUD));
        byte[] random = new byte[SIZE];
        new Random(1).nextBytes(random);
        byte[] text = compressible();
        try (VirtualJigServer jig = VirtualJigServer.start(chip, 0);
                RomLoader loader = new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)),
                        LoaderSettings.defaults())) {
            loader.connect();
            loader.changeBaudRate(BAUD);
            System.out.printf("%s virtual jig, line %d baud = %d bytes/s each way, ROM loader, 0x400-byte blocks%n",
                    family.displayName(), BAUD, BAUD / 10);
            run(loader, "1 MiB random, plain FLASH_DATA", 0x100000, random, FlashWriteOptions.PLAIN);
            run(loader, "1 MiB random, FLASH_DEFL", 0x200000, random, FlashWriteOptions.COMPRESSED);
            run(loader, "1 MiB compressible, FLASH_DEFL", 0x300000, text, FlashWriteOptions.COMPRESSED);
        }
    }

    private static void run(RomLoader loader, String label, int address, byte[] data, FlashWriteOptions options)
            throws Exception {
        long start = System.nanoTime();
        FlashWriteResult r = loader.writeFlash(address, data, options, (d, t) -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        loader.verifyFlash(address, data);
        double bytesPerSecond = data.length / seconds;
        System.out.printf("%-34s %7.2f s  %8.0f B/s  = %6.1f%% of line rate  (stream %d bytes, %d blocks,"
                + " %d retries, verified)%n", label, seconds, bytesPerSecond, 100 * bytesPerSecond / (BAUD / 10.0),
                r.streamBytes(), r.blocks(), r.retries());
    }

    /** Firmware-like data: repeated text with a counter, compresses about 10:1 or better. */
    private static byte[] compressible() {
        StringBuilder b = new StringBuilder(SIZE + 100);
        for (int i = 0; b.length() < SIZE; i++) {
            b.append("fuseline station block ").append(i % 977).append(" lorem ipsum dolor sit amet\n");
        }
        return b.substring(0, SIZE).getBytes(StandardCharsets.US_ASCII);
    }
}
