package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.audit.AuditChainVerifier;
import io.fuseline.orchestrator.audit.AuditHash;
import io.fuseline.orchestrator.audit.ChainReport;
import io.fuseline.orchestrator.audit.StoredAuditRecord;
import io.fuseline.orchestrator.audit.StoredCheckpoint;
import io.fuseline.orchestrator.checkpoint.CheckpointKey;
import io.fuseline.orchestrator.checkpoint.CheckpointStore;
import io.fuseline.orchestrator.query.ChainQueries;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether the stored audit chain verifies ({@link AuditChainVerifier}: every record hashes to its hash, follows its
 * predecessor and agrees with its searchable columns) and whether the latest signed checkpoint verifies with the
 * audit public key and names the hash the chain holds at its record.
 *
 * <p>The chain is read page by page (memory stays small however long it is). A verified prefix is remembered: a later
 * check verifies only the records appended since, and walks the whole chain again once
 * {@code fuseline.console.chain-recheck-interval} has passed, so a change to an old record shows within that
 * interval. One check runs at a time. Thread-safe.
 */
@ApplicationScoped
public class ChainCheck {
    /** Records read per query. */
    static final int PAGE = 1000;

    /**
     * The verdict: the chain verified through record {@code verifiedThrough} (-1: empty) with every record re-read at
     * {@code fullCheckAt}; {@code checkpointSequence} is null when nothing is signed yet ({@code checkpointOk} is then
     * false and {@code checkpointText} says so).
     */
    public record Status(boolean chainOk, String chainText, long verifiedThrough, Instant fullCheckAt,
                         Long checkpointSequence, Instant checkpointSignedAt, String checkpointKeyId,
                         boolean checkpointOk, String checkpointText, Instant checkedAt) {
    }

    /** The verified stretch 0..sequence, ending in hash. */
    private record Prefix(long sequence, String hash) {
    }

    private final CheckpointStore checkpoints;
    private final ChainQueries chain;
    private final CheckpointKey key;
    private final ConsoleConfig config;
    private final Clock clock;
    private final AuditChainVerifier verifier = new AuditChainVerifier();
    private Prefix prefix;
    private Instant fullCheckAt;
    private Status last;

    ChainCheck(CheckpointStore checkpoints, ChainQueries chain, CheckpointKey key, ConsoleConfig config,
               Clock clock) {
        this.checkpoints = checkpoints;
        this.chain = chain;
        this.key = key;
        this.config = config;
        this.clock = clock;
    }

    synchronized Status now() {
        Instant now = clock.instant();
        CheckpointStore.Head head = checkpoints.head();
        Optional<StoredCheckpoint> latest = checkpoints.last();
        boolean full = prefix == null || fullCheckAt == null
                || !now.isBefore(fullCheckAt.plus(config.chainRecheckInterval()));
        if (!full && last != null && prefix.sequence() == head.sequence() && Optional.ofNullable(
                last.checkpointSequence()).equals(latest.map(StoredCheckpoint::sequence))) {
            return last;
        }
        Prefix from = full ? new Prefix(-1, AuditHash.GENESIS) : prefix;
        Walk walk = walk(from);
        if (full) {
            fullCheckAt = now;
        }
        prefix = walk.report().ok() ? walk.end() : null;
        String chainText = walk.report().ok() ? "records 0 to " + walk.end().sequence() + " follow each other "
                + "unbroken (head " + ConsoleFormats.abbrev(walk.end().hash()) + ")" : walk.report().toString();
        last = latest.map(c -> withCheckpoint(walk, chainText, c, now)).orElseGet(() -> new Status(
                walk.report().ok(), chainText, walk.end().sequence(), fullCheckAt, null, null, null, false,
                "nothing is signed yet", now));
        return last;
    }

    private record Walk(ChainReport report, Prefix end) {
    }

    /** Verifies the records after {@code from}, page by page, to the end of the chain as it is now. */
    private Walk walk(Prefix from) {
        Prefix at = from;
        while (true) {
            List<StoredAuditRecord> page = chain.records(at.sequence() + 1, PAGE);
            if (page.isEmpty()) {
                return new Walk(ChainReport.intact(at.sequence() + 1, at.hash()), at);
            }
            ChainReport report = verifier.verifyFrom(at.sequence() + 1, at.hash(), page);
            if (!report.ok()) {
                return new Walk(report, at);
            }
            at = new Prefix(page.get(page.size() - 1).sequence(), report.headHash());
            if (page.size() < PAGE) {
                return new Walk(ChainReport.intact(at.sequence() + 1, at.hash()), at);
            }
        }
    }

    private Status withCheckpoint(Walk walk, String chainText, StoredCheckpoint c, Instant now) {
        String problem = null;
        if (!key.keyId().equals(c.keyId())) {
            problem = "signed by key " + c.keyId() + ", not by the audit key " + key.keyId();
        } else if (!CheckpointStatement.ALGORITHM.equals(c.algorithm())
                || !CheckpointStatement.verify(key.publicKey(), c.sequence(), c.recordHash(), c.signature())) {
            problem = "its signature does not verify with the audit public key";
        } else if (!chain.recordHash(c.sequence()).map(c.recordHash()::equals).orElse(false)) {
            problem = "record " + c.sequence() + " in the chain is not the record it signed";
        }
        String text = problem == null ? "checkpoint at record " + c.sequence() + ": signature good, record hash "
                + "matches" : "checkpoint at record " + c.sequence() + ": " + problem;
        return new Status(walk.report().ok(), chainText, walk.end().sequence(), fullCheckAt, c.sequence(),
                c.signedAt(), c.keyId(), problem == null, text, now);
    }
}
