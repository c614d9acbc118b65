package io.fuseline.hsm.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fuseline.esp.MacAddress;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.schemas.message.AuditRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * hsm-signer's key-custody ledger: every {@link CustodyEvent} becomes one {@link AuditRecord} of hsm-signer's own
 * hash chain (sequence from 0, each record carrying the previous record's hash; the hash is SHA-256 of the canonical
 * JSON of every member but itself, as in the orchestrator's chain), appended to a local file (one canonical JSON
 * record per line, forced to disk) and then handed to the sink (the service sends it on {@code fuseline.audit}).
 * Records carry labels and key check values, never key material.
 *
 * <p>Append-only: nothing here rewrites or removes a line. On open, the file is read to continue the chain and to
 * know each key's last action ({@link #lastAction}), which makes dispositions idempotent. Thread-safe (one lock);
 * the sink is called under the lock, in chain order.
 */
public final class CustodyLedger implements CustodyRecorder, AutoCloseable {
    /** The audit actor of every record. */
    public static final String ACTOR = "hsm-signer";
    private static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;
    private final Consumer<AuditRecord> sink;
    private final Map<KeyLabel, String> lastAction = new HashMap<>();
    private long sequence;
    private String previousHash = GENESIS;

    private CustodyLedger(Path file, FileChannel channel, Clock clock, Consumer<AuditRecord> sink) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
        this.sink = sink;
    }

    /** Opens (or starts) the ledger file and continues its chain. */
    public static CustodyLedger open(Path file, Clock clock, Consumer<AuditRecord> sink) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            CustodyLedger ledger = new CustodyLedger(file, FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND), clock, sink);
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    ledger.replay(JSON.readTree(line));
                }
            }
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the custody ledger " + file, e);
        }
    }

    @Override
    public void record(CustodyEvent event) {
        append(event);
    }

    /** Records {@code event}: appended to the file, then given to the sink. Returns the record. */
    public synchronized AuditRecord append(CustodyEvent event) {
        CustodyEvent.check(event);
        ObjectNode payload = event.details();
        payload.put("keyLabel", event.label().toString());
        payload.put("role", event.label().role().name());
        payload.put("kcv", event.kcv());
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String subject = subjectOf(event.label());
        ObjectNode body = body(sequence, previousHash, event.action(), subject, payload, time);
        String hash = sha256(CanonicalJson.of(body));
        body.put("recordHash", hash);
        append(CanonicalJson.of(body));
        AuditRecord record = new AuditRecord(sequence, previousHash, hash, ACTOR, event.action(), subject, payload, time);
        sequence++;
        previousHash = hash;
        lastAction.put(event.label(), event.action());
        sink.accept(record);
        return record;
    }

    /** The action of the last record about {@code label}, e.g. {@code key.escrowed}. */
    public synchronized Optional<String> lastAction(KeyLabel label) {
        return Optional.ofNullable(lastAction.get(label));
    }

    /** Every record in the file, in order (for audits and tests). */
    public synchronized List<String> lines() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the custody ledger " + file, e);
        }
    }

    /** The next record's sequence number. */
    public synchronized long size() {
        return sequence;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // appended lines were forced already
        }
    }

    /** The MAC a device key's label starts with, else {@code line} (ceremony keys, stations). */
    static String subjectOf(KeyLabel label) {
        int slash = label.name().indexOf('/');
        String head = slash < 0 ? "" : label.name().substring(0, slash);
        return MacAddress.isCanonical(head) ? head : AuditRecord.LINE_SUBJECT;
    }

    /** The record body the hash covers (every member but recordHash), as the orchestrator's chain defines it. */
    static ObjectNode body(long sequence, String previousHash, String action, String subject, JsonNode payload,
                           Instant time) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("sequence", sequence);
        body.put("previousHash", previousHash);
        body.put("actor", ACTOR);
        body.put("action", action);
        body.put("subject", subject);
        body.set("payload", payload);
        body.put("time", time.toString());
        return body;
    }

    static String sha256(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void replay(JsonNode line) {
        String hash = line.get("recordHash").asText();
        ObjectNode body = ((ObjectNode) line).deepCopy();
        body.remove("recordHash");
        if (line.get("sequence").asLong() != sequence || !line.get("previousHash").asText().equals(previousHash)
                || !sha256(CanonicalJson.of(body)).equals(hash)) {
            throw new IllegalStateException("the custody ledger " + file + " does not verify at record " + sequence
                    + ": it was altered, truncated in the middle or reordered");
        }
        lastAction.put(KeyLabel.parse(line.get("payload").get("keyLabel").asText()), line.get("action").asText());
        sequence++;
        previousHash = hash;
    }

    private void append(String canonical) {
        try {
            ByteBuffer b = ByteBuffer.wrap((canonical + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the custody ledger " + file, e);
        }
    }
}
