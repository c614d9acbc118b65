package io.fuseline.hsm.vault.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;

import io.fuseline.hsm.vault.KeyLabel;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;

/**
 * Object handles found by label, remembered: C_FindObjects scans every object on the token (on SoftHSM2's file store
 * each object is a file), so a vault with thousands of device keys cannot afford a scan per operation. Only hits are
 * cached, and a cached handle is used only after reading back its CKA_CLASS and CKA_LABEL, so a handle that another
 * process destroyed, or that the token reused, is never mistaken for the key. Thread-safe.
 */
final class HandleCache {
    private record Key(long objectClass, KeyLabel label) {
    }

    private final ConcurrentHashMap<Key, Long> handles = new ConcurrentHashMap<>();

    Optional<Long> find(Session s, long objectClass, KeyLabel label) throws PKCS11Exception {
        Key key = new Key(objectClass, label);
        Long cached = handles.get(key);
        if (cached != null) {
            if (stillIs(s, cached, objectClass, label)) {
                return Optional.of(cached);
            }
            handles.remove(key, cached);
        }
        Optional<Long> found = Pkcs11Objects.find(s, objectClass, label);
        found.ifPresent(h -> handles.put(key, h));
        return found;
    }

    void remember(long objectClass, KeyLabel label, long handle) {
        handles.put(new Key(objectClass, label), handle);
    }

    void forget(KeyLabel label) {
        handles.keySet().removeIf(k -> k.label().equals(label));
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
