package io.fuseline.esp.efuse;

/**
 * A planned burn that the chip or espefuse would refuse, found before anything was written. Names the field
 * or block, its current value (never key material: key blocks show "empty", "written" or "read-protected") and
 * the reason. Fatal: the recipe or the unit is wrong, retrying cannot help.
 */
public final class EfuseBurnRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String target;
    private final String currentValue;
    private final RefusalReason reason;

    public EfuseBurnRefusedException(String target, String currentValue, RefusalReason reason, String detail) {
        super(reason.code() + " " + target + " (current " + currentValue + ") " + reason.text()
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.target = target;
        this.currentValue = currentValue;
        this.reason = reason;
    }

    /** The espefuse field or block name the refusal is about. */
    public String target() { return target; }

    /** The current value as text (numbers in hex, key blocks only as empty / written / read-protected). */
    public String currentValue() { return currentValue; }

    public RefusalReason reason() { return reason; }
}
