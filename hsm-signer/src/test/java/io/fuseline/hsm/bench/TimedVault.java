package io.fuseline.hsm.bench;

import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultKey;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.message.SecretKind;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** A {@link KeyVault} decorator that counts calls and time per operation, for the benchmark's profile. */
final class TimedVault implements KeyVault {
    private record Stat(LongAdder calls, LongAdder nanos) {
    }

    private final KeyVault vault;
    private final Map<String, Stat> stats = new ConcurrentHashMap<>();

    TimedVault(KeyVault vault) {
        this.vault = vault;
    }

    private <T> T time(String op, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            Stat s = stats.computeIfAbsent(op, k -> new Stat(new LongAdder(), new LongAdder()));
            s.calls().increment();
            s.nanos().add(System.nanoTime() - start);
        }
    }

    void reset() {
        stats.clear();
    }

    /** One line per operation: calls per device, ms per call, share of the time. */
    String report(int devices) {
        long total = stats.values().stream().mapToLong(s -> s.nanos().sum()).sum();
        StringBuilder b = new StringBuilder();
        new TreeMap<>(stats).forEach((op, s) -> b.append(String.format("  %-16s %5.1f calls/device %7.3f ms/call %5.1f %%%n",
                op, s.calls().sum() / (double) devices, s.nanos().sum() / 1e6 / s.calls().sum(),
                100.0 * s.nanos().sum() / total)));
        return b.toString();
    }

    @Override public String describe() { return vault.describe(); }
    @Override public VaultKey generateKeyPair(KeyLabel l, String r) { return time("generateKeyPair", () -> vault.generateKeyPair(l, r)); }
    @Override public VaultKey generateSecret(KeyLabel l, int n, String r) { return time("generateSecret", () -> vault.generateSecret(l, n, r)); }
    @Override public VaultKey enrollStation(String id, PublicKey k) { return time("enrollStation", () -> vault.enrollStation(id, k)); }
    @Override public Optional<VaultKey> find(KeyLabel l) { return time("find", () -> vault.find(l)); }
    @Override public List<VaultKey> list() { return time("list", vault::list); }
    @Override public PublicKey publicKey(KeyLabel l) { return time("publicKey", () -> vault.publicKey(l)); }
    @Override public byte[] signDigest(KeyLabel l, byte[] d) { return time("signDigest", () -> vault.signDigest(l, d)); }
    @Override public byte[] signCheckpoint(KeyLabel l, long n, String h) { return time("signCheckpoint", () -> vault.signCheckpoint(l, n, h)); }
    @Override public KeyEnvelope wrapForStation(KeyLabel l, String st, SecretKind k) { return time("wrapForStation", () -> vault.wrapForStation(l, st, k)); }
    @Override public void storeCertificate(KeyLabel l, byte[] der) { time("storeCertificate", () -> { vault.storeCertificate(l, der); return null; }); }
    @Override public Optional<byte[]> certificate(KeyLabel l) { return time("certificate", () -> vault.certificate(l)); }
    @Override public void destroy(KeyLabel l) { time("destroy", () -> { vault.destroy(l); return null; }); }
    @Override public void close() { vault.close(); }
}
