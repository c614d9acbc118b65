package io.fuseline.hsm.vault.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;

import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;

/**
 * Which Fuseline objects the token holds, by class and label: read once when the vault opens (one C_FindObjects over
 * the token, then CKA_CLASS and CKA_LABEL of each object) and kept up to date by the vault on every create and
 * destroy. A look-up that misses costs nothing: on SoftHSM2's file store every C_FindObjects opens every object file,
 * so a miss used to cost a scan of the whole token (60 ms at 2,600 objects), and issuing one device asked ~10 of them.
 *
 * <p>A hit is checked before use (CKA_CLASS, CKA_LABEL and CKA_ID read back in one call), so a handle that another
 * process destroyed or the token reused is never mistaken for the key; a stale hit falls back to a real search. An
 * entry also keeps the {@link KeyFacts} the vault read from the object (check value, request id, protection, public
 * key): the vault creates every key unmodifiable, so they stay true as long as the handle still names that object,
 * and a key used again costs that one check instead of re-reading and re-digesting it. The index is
 * authoritative for absence only while this process is the one creating keys for a label: with several replicas on
 * one token, Kafka's partitioning by MAC gives each device's labels one writer, and a replica calls
 * {@link #load} again (via {@code Pkcs11KeyVault.refresh()}) when its partitions change. The vault also loads it
 * again after every reconnect: object handles do not survive the sessions (SoftHSM2 renumbers them).
 *
 * <p>A hit that turned stale and is not found again is reported absent only once the session has shown that it still
 * sees the token's private objects: SoftHSM2 answers every search with nothing, not with an error, once its token
 * store has vanished or the user was logged out, and "absent" would make a caller generate a second key for a slot.
 *
 * <p>{@link #claim} reserves a label for one in-process creation so that two threads cannot both find it absent and
 * both create it. Thread-safe.
 */
final class LabelIndex {
    private record Key(long objectClass, KeyLabel label) {
    }

    /** An indexed object: its handle and, once read, what the vault knows about the key it is. */
    record Entry(long handle, KeyFacts facts) {
    }

    private volatile Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Set<KeyLabel> claimed = ConcurrentHashMap.newKeySet();

    /** Replaces the index with what the token holds now. Objects without a Fuseline label are ignored. */
    void load(Session s) throws PKCS11Exception {
        Map<Key, Entry> found = new ConcurrentHashMap<>();
        for (long h : s.findAllObjectsSingle(new AttributeVector())) {
            AttributeVector a = s.getAttrValues(h, CKA_CLASS, CKA_LABEL);
            Optional<KeyLabel> label = parse(a.label());
            if (a.class_() != null && label.isPresent()) {
                Key key = new Key(a.class_(), label.get());
                if (found.put(key, new Entry(h, null)) != null) {
                    throw new VaultException(VaultError.TOKEN_ERROR, "two objects labelled " + label.get()
                            + " on the token");
                }
            }
        }
        Pkcs11Objects.requireSeesPrivateObjects(s); // an index missing every private key would invite duplicates
        entries = found; // one swap: no reader ever sees a half-loaded index
    }

    /** The handle of the object of {@code objectClass} labelled {@code label}; empty without touching the token. */
    Optional<Long> find(Session s, long objectClass, KeyLabel label) throws PKCS11Exception {
        return lookup(s, objectClass, label).map(Entry::handle);
    }

    /**
     * The object of {@code objectClass} labelled {@code label}, checked against the token with one attribute read
     * (CKA_CLASS, CKA_LABEL, CKA_ID); its facts only if they were read from this very object. Empty without touching
     * the token if the index does not know the label.
     */
    Optional<Entry> lookup(Session s, long objectClass, KeyLabel label) throws PKCS11Exception {
        Key key = new Key(objectClass, label);
        Entry cached = entries.get(key);
        if (cached == null) {
            return Optional.empty();
        }
        AttributeVector now = readBack(s, cached.handle());
        boolean same = now != null && now.class_() != null && now.class_() == objectClass
                && label.toString().equals(now.label());
        if (same) {
            if (cached.facts() != null && !cached.facts().key().requestId().equals(requestId(now))) {
                Entry refreshed = new Entry(cached.handle(), null); // same label, another key: read it again
                entries.replace(key, cached, refreshed);
                return Optional.of(refreshed);
            }
            return Optional.of(cached);
        }
        entries.remove(key, cached);
        Optional<Long> found = Pkcs11Objects.find(s, objectClass, label); // moved or gone: ask the token
        if (found.isEmpty()) {
            Pkcs11Objects.requireSeesPrivateObjects(s);
            return Optional.empty();
        }
        Entry moved = new Entry(found.get(), null);
        entries.put(key, moved);
        return Optional.of(moved);
    }

    /** Records an object this vault just created or found; {@code facts} may be null. */
    void remember(long objectClass, KeyLabel label, long handle, KeyFacts facts) {
        entries.put(new Key(objectClass, label), new Entry(handle, facts));
    }

    /** Attaches facts read from {@code handle}, unless the index meanwhile points elsewhere. */
    void learn(long objectClass, KeyLabel label, long handle, KeyFacts facts) {
        entries.computeIfPresent(new Key(objectClass, label),
                (k, e) -> e.handle() == handle ? new Entry(handle, facts) : e);
    }

    void forget(KeyLabel label) {
        entries.keySet().removeIf(k -> k.label().equals(label));
    }

    /**
     * Reserves {@code label} for a creation by the caller, who must {@link #release} it in a finally block.
     *
     * @return false if another thread of this process is creating it right now
     */
    boolean claim(KeyLabel label) {
        return claimed.add(label);
    }

    void release(KeyLabel label) {
        claimed.remove(label);
    }

    /** The distinct labels whose name starts with {@code namePrefix}, sorted. */
    java.util.List<KeyLabel> labels(String namePrefix) {
        return entries.keySet().stream().map(Key::label).filter(l -> l.name().startsWith(namePrefix)).distinct()
                .sorted(java.util.Comparator.comparing(KeyLabel::toString)).toList();
    }

    int size() {
        return entries.size();
    }

    private static Optional<KeyLabel> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(KeyLabel.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // another application's object
        }
    }

    /** CKA_CLASS, CKA_LABEL and CKA_ID of {@code handle}, or null if the handle names no object any more. */
    private static AttributeVector readBack(Session s, long handle) throws PKCS11Exception {
        try {
            return s.getAttrValues(handle, CKA_CLASS, CKA_LABEL, CKA_ID);
        } catch (PKCS11Exception e) {
            if (Pkcs11Errors.objectGone(e)) {
                return null; // destroyed by another session or process
            }
            throw e; // a lost session or token is an error, not a "no"
        }
    }

    private static String requestId(AttributeVector a) {
        return a.id() == null ? "" : new String(a.id(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
