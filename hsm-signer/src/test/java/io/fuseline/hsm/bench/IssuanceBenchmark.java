package io.fuseline.hsm.bench;

import io.fuseline.hsm.ca.FactoryCa;
import io.fuseline.hsm.material.IssuanceContract;
import io.fuseline.hsm.material.MaterialIssuer;
import io.fuseline.hsm.testing.SoftHsmToken;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.PinSource;
import io.fuseline.hsm.vault.pkcs11.Pkcs11KeyVault;
import io.fuseline.hsm.vault.software.SoftwareKeyVault;
import io.fuseline.schemas.envelope.P256;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Per-device material issuance (XTS-AES-256 halves + NVS keys + identity key and certificate, all wrapped for a
 * station) in devices per second, on SoftHSM2 and on the software token. Not a JUnit test: run it by hand (see
 * docs/benchmarks.md, which also shows how to count the PKCS#11 calls per device). Arguments:
 * {@code [devices] [softhsm|software|both] [threads]}; default 200 both 1.
 */
public final class IssuanceBenchmark {
    private IssuanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String which = args.length > 1 ? args[1] : "both";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (!which.equals("software")) {
            SoftHsmToken token = SoftHsmToken.shared();
            try (KeyVault vault = Pkcs11KeyVault.open(token.config())) {
                run("SoftHSM2 (" + token + ")", vault, devices, threads);
            }
        }
        if (!which.equals("softhsm")) {
            var dir = Files.createTempDirectory("fuseline-bench");
            try (KeyVault vault = SoftwareKeyVault.open(dir.resolve("vault.p12"), PinSource.of("bench".toCharArray()))) {
                run("software token (PKCS#12 + journal)", vault, devices, threads);
            }
        }
    }

    private static void run(String name, KeyVault plain, int devices, int threads) throws Exception {
        TimedVault vault = new TimedVault(plain);
        vault.enrollStation("st-01", P256.generate().getPublic());
        FactoryCa ca = FactoryCa.create(vault, IssuanceContract.CA, "Benchmark CA", IssuanceContract.PROFILE,
                Clock.systemUTC());
        MaterialIssuer issuer = new MaterialIssuer(vault, ca);
        int warmup = Math.min(20, devices / 5);
        for (int i = 0; i < warmup; i++) {
            issuer.issue(IssuanceContract.s3Request("warm-" + i, IssuanceContract.mac(60_000 + i), false));
        }
        vault.reset();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                for (int i = first; i < devices; i += threads) {
                    issuer.issue(IssuanceContract.s3Request("bench-" + i, IssuanceContract.mac(i), false));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s, %d thread(s): %d devices in %.2f s = %.1f devices/s (4 secrets + certificate + 4 wraps "
                + "each)%n", name, threads, devices, seconds, devices / seconds);
        System.out.print(vault.report(devices));
    }
}
