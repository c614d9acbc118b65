package io.fuseline.orchestrator.audit.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fuseline.orchestrator.audit.AuditHash;
import io.fuseline.orchestrator.audit.CanonicalJson;
import io.fuseline.orchestrator.audit.CheckpointSigner;
import io.fuseline.orchestrator.audit.StoredCheckpoint;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An export file built without a database: a chain of {@code n} records signed every {@code every} records. */
public final class SyntheticChain {
    public final KeyPair key;
    public final List<String> lines = new ArrayList<>();

    public SyntheticChain(int n, int every) throws Exception {
        this(n, every, -1);
    }

    /** As above, with record {@code alterAt}'s payload different (a forger's chain, rehashed from there on). */
    public SyntheticChain(int n, int every, int alterAt) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        key = gen.generateKeyPair();
        Instant t0 = Instant.parse("2026-11-21T08:00:00Z");
        lines.add(ExportFormat.header(null, null, t0, 0, n - 1, n));
        String previous = AuditHash.GENESIS;
        for (int i = 0; i < n; i++) {
            String canonical = CanonicalJson.of(AuditHash.body(i, previous, "orchestrator", "unit.transition",
                    "f4:12:fa:00:00:0" + (i % 10), JsonNodeFactory.instance.objectNode().put("step", i == alterAt ? -1 : i),
                    t0.plusSeconds(i)));
            String hash = AuditHash.sha256(canonical);
            lines.add(ExportFormat.record(hash, canonical));
            if ((i + 1) % every == 0) {
                lines.add(ExportFormat.checkpoint(sign(i, hash, t0.plusSeconds(i))));
            }
            previous = hash;
        }
    }

    private StoredCheckpoint sign(long sequence, String hash, Instant at) throws Exception {
        Signature s = Signature.getInstance(CheckpointStatement.ALGORITHM);
        s.initSign(key.getPrivate());
        s.update(CheckpointStatement.bytes(sequence, hash));
        CheckpointSigner.Checkpoint c = new CheckpointSigner.Checkpoint(sequence, hash, "test", s.sign());
        return new StoredCheckpoint(c.sequence(), c.recordHash(), c.keyId(), CheckpointStatement.ALGORITHM,
                c.signature(), at);
    }

    /** The file line (0-based index into {@link #lines}) of record {@code sequence}. */
    public int lineOf(long sequence) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains("\"type\":\"record\"") && lines.get(i).contains("\"sequence\":" + sequence + ",")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no record " + sequence);
    }
}
