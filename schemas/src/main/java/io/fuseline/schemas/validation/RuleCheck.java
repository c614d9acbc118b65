package io.fuseline.schemas.validation;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.EfuseField;
import io.fuseline.esp.efuse.EfuseFieldCatalog;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.schemas.ContractViolation;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks a {@link MessageValidator} can ask for, bound to the CloudEvents type being checked so that every
 * failure is a {@link ContractViolation} of kind SEMANTIC naming type, field and reason. One instance per
 * validation; not thread-safe, not meant to be kept.
 */
public final class RuleCheck {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final String ceType;

    public RuleCheck(String ceType) { this.ceType = ceType; }

    /** Fails with {@code reason} at {@code pointer} unless {@code ok}. */
    public void require(boolean ok, String pointer, String reason) {
        if (!ok) {
            throw fail(pointer, reason);
        }
    }

    /** A violation at {@code pointer}, for rules that compute their own condition. */
    public ContractViolation fail(String pointer, String reason) {
        return new ContractViolation(ContractViolation.Kind.SEMANTIC, ceType, pointer, reason);
    }

    /** A factory MAC: not multicast (no unit has one) and not all zeros (an unprogrammed eFuse). */
    public void unicastMac(MacAddress mac, String pointer) {
        require(!mac.isMulticast(), pointer, "must not be a multicast MAC address");
        require(!mac.equals(new MacAddress(new byte[6])), pointer, "must not be the all-zero MAC address");
    }

    /** A SHA-256 digest: exactly 64 lowercase hex characters. */
    public void sha256(String hex, String pointer) {
        require(hex != null && SHA256.matcher(hex).matches(), pointer,
                "must be a SHA-256 digest of 64 lowercase hex characters");
    }

    /** The eFuse field of {@code chip} named {@code name} (or one of its espefuse aliases). */
    public EfuseField efuseField(ChipFamily chip, String name, String pointer) {
        Optional<EfuseField> field = EfuseFieldCatalog.of(chip).field(name);
        return field.orElseThrow(() -> fail(pointer, "'" + name + "' is not an eFuse field of " + chip.toolName()));
    }

    /** A key purpose that exists on {@code chip}. */
    public void purposeOn(ChipFamily chip, KeyPurpose purpose, String pointer) {
        require(purpose.availableOn(chip), pointer,
                "key purpose " + purpose + " is not available on " + chip.toolName());
    }
}
