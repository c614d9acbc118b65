package io.fuseline.deploy.demo;

import io.fuseline.schemas.message.QuarantineReason;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a demo run did, and whether the line kept its promises: the summary the operator reads at the end. */
public record DemoReport(int run, int jigs, List<UnitResult> results, Duration elapsed, LineChecks.AuditCheck audit,
                         LineChecks.CustodyCheck custody) {
    public DemoReport {
        results = List.copyOf(results);
    }

    public long count(UnitResult.Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    public Map<QuarantineReason, Long> quarantinedByReason() {
        return results.stream().filter(r -> r.reason().isPresent())
                .collect(Collectors.groupingBy(r -> r.reason().get(), TreeMap::new, Collectors.counting()));
    }

    public long asExpected() {
        return results.stream().filter(UnitResult::asExpected).count();
    }

    /** Mean time a unit spent on its jig, from going on to the verdict. */
    public Duration meanCycle() {
        return mean(results.stream().map(UnitResult::cycle).toList());
    }

    /** Mean time a provisioned unit's job steps took on the jig. */
    public Duration meanWireOfProvisioned() {
        return mean(results.stream().filter(r -> r.verdict() == UnitResult.Verdict.PROVISIONED)
                .map(UnitResult::wire).toList());
    }

    /** Mean cycle of the provisioned units. */
    public Duration meanCycleOfProvisioned() {
        return mean(results.stream().filter(r -> r.verdict() == UnitResult.Verdict.PROVISIONED)
                .map(UnitResult::cycle).toList());
    }

    /** Units with a verdict per hour of the run, all jigs together. */
    public double unitsPerHour() {
        return elapsed.isZero() ? 0 : results.size() * 3_600_000.0 / elapsed.toMillis();
    }

    /** Everything as the faults call for, the chain verified and signed, every key accounted for. */
    public boolean passed() {
        return !results.isEmpty() && asExpected() == results.size() && audit.verified() && custody.complete();
    }

    void print(PrintWriter out) {
        out.println();
        out.printf("Summary of run %d: %d units on %d jigs in %.1f s%n", run, results.size(), jigs,
                elapsed.toMillis() / 1000.0);
        out.printf("  provisioned       %3d%n", count(UnitResult.Verdict.PROVISIONED));
        out.printf("  quarantined       %3d%n", count(UnitResult.Verdict.QUARANTINED));
        quarantinedByReason().forEach((reason, n) -> out.printf("    %-32s %3d%n", reason, n));
        if (count(UnitResult.Verdict.NO_VERDICT) > 0) {
            out.printf("  no verdict        %3d   (taken off after the unit timeout)%n",
                    count(UnitResult.Verdict.NO_VERDICT));
        }
        out.printf("  as expected       %3d of %d%s%n", asExpected(), results.size(), asExpected() == results.size()
                ? "" : "   <- see the units marked UNEXPECTED above");
        Duration cycle = meanCycleOfProvisioned();
        Duration wire = meanWireOfProvisioned();
        out.printf("  cycle time        %.1f s mean per unit (provisioned: %.1f s = %.1f s on the wire + %.1f s "
                        + "elsewhere)%n", seconds(meanCycle()), seconds(cycle), seconds(wire),
                seconds(cycle.minus(wire)));
        out.printf("  throughput        %.0f units per hour on %d jigs%n", unitsPerHour(), jigs);
        out.printf("  audit chain       %s%n", audit.verified() ? "verified and signed: " + audit.report().records()
                + " records, " + audit.report().checkpoints() + " checkpoints signed by the vault's audit key "
                + audit.keyId() : "NOT VERIFIED with the vault's audit key " + audit.keyId() + ": " + audit.report());
        LineChecks.CustodyCheck c = custody;
        out.printf("  key custody       %s: %d keys issued, %d burned, %d destroyed or escrowed by order; vault "
                        + "ledger: %d device keys, %d still open%n", c.complete() ? "complete" : "INCOMPLETE", c.issued(),
                c.burned(), c.disposed(), c.vaultGenerated(), c.vaultOpen().size());
        if (!c.withoutDisposition().isEmpty()) {
            out.println("    keys without a destroy/escrow order: " + c.withoutDisposition());
        }
        if (!c.vaultOpen().isEmpty()) {
            out.println("    device keys the vault still holds: " + c.vaultOpen());
        }
        if (!c.kcvTwice().isEmpty()) {
            out.println("    key check values issued twice: " + c.kcvTwice());
        }
        out.println(passed() ? "Result: PASS" : "Result: FAIL");
        out.flush();
    }

    private static Duration mean(List<Duration> ds) {
        return ds.isEmpty() ? Duration.ZERO
                : Duration.ofMillis(Math.round(ds.stream().mapToLong(Duration::toMillis).average().orElse(0)));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
