package io.fuseline.hsm.vault.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
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
 * <p>A hit is checked before use (CKA_CLASS and CKA_LABEL read back), so a handle that another process destroyed or
 * the token reused is never mistaken for the key; a stale hit falls back to a real search. The index is
 * authoritative for absence only while this process is the one creating keys for a label: with several replicas on
 * one token, Kafka's partitioning by MAC gives each device's labels one writer, and a replica calls
 * {@link #load} again (via {@code Pkcs11KeyVault.refresh()}) when its partitions change.
 *
 * <p>{@link #claim} reserves a label for one in-process creation so that two threads cannot both find it absent and
 * both create it. Thread-safe.
 */
final class LabelIndex {
    private record Key(long objectClass, KeyLabel label) {
    }

    private final Map<Key, Long> handles = new ConcurrentHashMap<>();
    private final Set<KeyLabel> claimed = ConcurrentHashMap.newKeySet();

    /** Replaces the index with what the token holds now. Objects without a Fuseline label are ignored. */
    void load(Session s) throws PKCS11Exception {
        Map<Key, Long> found = new java.util.HashMap<>();
        for (long h : s.findAllObjectsSingle(new AttributeVector())) {
            AttributeVector a = s.getAttrValues(h, CKA_CLASS, CKA_LABEL);
            Optional<KeyLabel> label = parse(a.label());
            if (a.class_() != null && label.isPresent()) {
                Key key = new Key(a.class_(), label.get());
                if (found.put(key, h) != null) {
                    throw new VaultException(VaultError.TOKEN_ERROR, "two objects labelled " + label.get() + " on the token");
                }
            }
        }
        handles.clear();
        handles.putAll(found);
    }

    /** The handle of the object of {@code objectClass} labelled {@code label}; empty without touching the token. */
    Optional<Long> find(Session s, long objectClass, KeyLabel label) throws PKCS11Exception {
        Key key = new Key(objectClass, label);
        Long cached = handles.get(key);
        if (cached == null) {
            return Optional.empty();
        }
        if (stillIs(s, cached, objectClass, label)) {
            return Optional.of(cached);
        }
        handles.remove(key, cached);
        Optional<Long> found = Pkcs11Objects.find(s, objectClass, label); // moved or gone: ask the token
        found.ifPresent(h -> handles.put(key, h));
        return found;
    }

    void remember(long objectClass, KeyLabel label, long handle) {
        handles.put(new Key(objectClass, label), handle);
    }

    void forget(KeyLabel label) {
        handles.keySet().removeIf(k -> k.label().equals(label));
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
        return handles.keySet().stream().map(Key::label).filter(l -> l.name().startsWith(namePrefix)).distinct()
                .sorted(java.util.Comparator.comparing(KeyLabel::toString)).toList();
    }

    int size() {
        return handles.size();
    }

    private static Optional<KeyLabel> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(KeyLabel.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // another application's object
        }
    }

    private static boolean stillIs(Session s, long handle, long objectClass, KeyLabel label) {
        try {
            AttributeVector a = s.getAttrValues(handle, CKA_CLASS, CKA_LABEL);
            return a.class_() != null && a.class_() == objectClass && label.toString().equals(a.label());
        } catch (PKCS11Exception e) {
            return false; // CKR_OBJECT_HANDLE_INVALID: gone
        }
    }
}
