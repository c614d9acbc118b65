package io.fuseline.esp.flash;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Throughput of each flash encryption mode on a 4 MiB image, one thread. Not a JUnit test (tests never
 * assert times). Run after {@code ./mvnw -q -B -o -pl esp-chip test-compile}:
 * <pre>java -cp esp-chip/target/classes:esp-chip/target/test-classes io.fuseline.esp.flash.FlashEncryptionBenchmark</pre>
 * Prints the median of the measured iterations after a warm-up, in MB/s (10^6 bytes per second).
 */
public final class FlashEncryptionBenchmark {
    private static final int IMAGE = 4 << 20;
    private static final int WARMUP = 40; // XTS needs ~40 rounds before JCE's AES path is compiled
    private static final int ITERATIONS = 9;

    private FlashEncryptionBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(42);
        byte[] image = new byte[IMAGE];
        random.nextBytes(image);
        byte[] k32 = new byte[32];
        byte[] k64 = new byte[64];
        random.nextBytes(k32);
        random.nextBytes(k64);
        System.out.printf("java %s, %d MiB image, median of %d after %d warm-up%n",
                System.getProperty("java.version"), IMAGE >> 20, ITERATIONS, WARMUP);
        run("ESP32 AES-256 tweak (conf 0xF)", () -> FlashEncryption.esp32(k32, 0xF), image);
        run("XTS-AES-128", () -> FlashEncryption.xts(k32), image);
        run("XTS-AES-256", () -> FlashEncryption.xts(k64), image);
    }

    private static void run(String name, Supplier<FlashEncryption> mode, byte[] image) {
        byte[] out = new byte[image.length];
        try (FlashEncryption fe = mode.get()) {
            for (String direction : new String[] {"encrypt", "decrypt"}) {
                double[] mbps = new double[ITERATIONS];
                for (int i = -WARMUP; i < ITERATIONS; i++) {
                    long t0 = System.nanoTime();
                    if (direction.equals("encrypt")) {
                        fe.encrypt(0x10000, image, 0, image.length, out, 0);
                    } else {
                        fe.decrypt(0x10000, image, 0, image.length, out, 0);
                    }
                    long ns = System.nanoTime() - t0;
                    if (i >= 0) {
                        mbps[i] = image.length * 1e3 / ns;
                    }
                }
                Arrays.sort(mbps);
                System.out.printf("%-32s %-7s %8.1f MB/s  (min %.1f, max %.1f)%n",
                        name, direction, mbps[ITERATIONS / 2], mbps[0], mbps[ITERATIONS - 1]);
            }
        }
    }
}
