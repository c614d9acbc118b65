package io.fuseline.orchestrator.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportVerifierTest {
    private final ExportVerifier verifier = new ExportVerifier();

    @Test
    void anIntactExportVerifiesAndReportsTheUnsignedTail() throws Exception {
        SyntheticChain chain = new SyntheticChain(25, 10);
        ExportReport report = verifier.verify(chain.lines, chain.key.getPublic());
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.records()).isEqualTo(25);
        assertThat(report.checkpoints()).isEqualTo(2);
        assertThat(report.unsignedTail()).isEqualTo(5);
    }

    @Test
    void anAlteredRecordIsReportedAtThatRecord() throws Exception {
        SyntheticChain chain = new SyntheticChain(25, 10);
        int line = chain.lineOf(7);
        chain.lines.set(line, chain.lines.get(line).replace("\"step\":7", "\"step\":8"));
        ExportReport report = verifier.verify(chain.lines, chain.key.getPublic());
        assertThat(report.brokenAt()).hasValue(7);
        assertThat(report.line()).isEqualTo(line + 1);
        assertThat(report.problem()).contains("altered");
    }

    @Test
    void aDeletedRecordIsReportedAtThatRecord() throws Exception {
        SyntheticChain chain = new SyntheticChain(25, 10);
        chain.lines.remove(chain.lineOf(12));
        ExportReport report = verifier.verify(chain.lines, chain.key.getPublic());
        assertThat(report.brokenAt()).hasValue(12);
        assertThat(report.problem()).contains("missing");
    }

    @Test
    void theLastRecordDeletedIsReportedAgainstTheHeader() throws Exception {
        SyntheticChain chain = new SyntheticChain(25, 10);
        chain.lines.remove(chain.lineOf(24));
        assertThat(verifier.verify(chain.lines, chain.key.getPublic()).brokenAt()).hasValue(24);
    }

    @Test
    void aMovedRecordIsReportedAtThatRecord() throws Exception {
        SyntheticChain chain = new SyntheticChain(25, 10);
        int from = chain.lineOf(4);
        String moved = chain.lines.remove(from);
        chain.lines.add(chain.lineOf(6) + 1, moved);
        ExportReport report = verifier.verify(chain.lines, chain.key.getPublic());
        assertThat(report.brokenAt()).hasValue(4);
        assertThat(report.problem()).contains("out of order");
    }

    @Test
    void twoSwappedRecordsAreReportedAtTheFirstOfThem() throws Exception {
        SyntheticChain chain = new SyntheticChain(25, 10);
        Collections.swap(chain.lines, chain.lineOf(15), chain.lineOf(16));
        assertThat(verifier.verify(chain.lines, chain.key.getPublic()).brokenAt()).hasValue(15);
    }

    @Test
    void aRewriteThatRecomputesEveryHashIsCaughtByTheNextCheckpoint() throws Exception {
        SyntheticChain chain = new SyntheticChain(25, 10);
        SyntheticChain forged = new SyntheticChain(25, 1000, 3);
        List<String> lines = new ArrayList<>(forged.lines);
        lines.add(chain.lineOf(9) + 1, chain.lines.get(chain.lineOf(9) + 1)); // the genuine checkpoint at 9
        ExportReport report = verifier.verify(lines, chain.key.getPublic());
        assertThat(report.brokenAt()).hasValue(9);
        assertThat(report.problem()).contains("signed checkpoint");
    }

    @Test
    void aSignatureByAnotherKeyFails() throws Exception {
        SyntheticChain chain = new SyntheticChain(12, 10);
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        ExportReport report = verifier.verify(chain.lines, gen.generateKeyPair().getPublic());
        assertThat(report.ok()).isFalse();
        assertThat(report.problem()).contains("does not verify");
    }

    @Test
    void aFileThatIsNotAnExportIsRefused() {
        assertThat(verifier.verify(List.of("{\"type\":\"header\"}"), null).problem()).contains("not a");
        assertThat(verifier.verify(List.of(), null).ok()).isFalse();
    }
}
