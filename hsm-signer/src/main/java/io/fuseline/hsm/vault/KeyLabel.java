package io.fuseline.hsm.vault;

import io.fuseline.hsm.policy.KeyRole;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a key in a vault: its role and a name unique within the role. The text form
 * {@code ROLE/name} (e.g. {@code FACTORY_CA/factory-ca-2026}, {@code DEVICE_NVS_ENCRYPTION/24:0a:c4:12:34:56/nvs#1})
 * is what a PKCS#11 token stores in {@code CKA_LABEL}, so the role of every key can be read back from the token.
 *
 * @param name 1 to 100 characters of {@code [A-Za-z0-9:._/#@-]}
 */
public record KeyLabel(KeyRole role, String name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9:._/#@-]{1,100}");

    public KeyLabel {
        Objects.requireNonNull(role, "role");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is 1-100 characters of [A-Za-z0-9:._/#@-], got '" + name + "'");
        }
    }

    /** The label of a station's enrolled public key. */
    public static KeyLabel station(String stationId) {
        return new KeyLabel(KeyRole.STATION_ENROLLMENT, stationId);
    }

    /** Parses {@code ROLE/name}. */
    public static KeyLabel parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("a key label is ROLE/name, got '" + text + "'");
        }
        return new KeyLabel(KeyRole.valueOf(text.substring(0, slash)), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return role + "/" + name;
    }
}
