package io.fuseline.schemas.validation;

import io.fuseline.esp.efuse.EfuseField;
import io.fuseline.schemas.message.FuseBurned;
import java.math.BigInteger;

/**
 * FuseBurned: the field exists on the chip and lives in the block named; a key block reports a key check value,
 * never its content; any other field reports before/after values that fit the field and only gained bits
 * (an eFuse bit cannot go from 1 to 0, so anything else is a misread).
 */
final class FuseBurnedValidator implements MessageValidator<FuseBurned> {
    @Override
    public void validate(FuseBurned m, RuleCheck check) {
        check.unicastMac(m.mac(), "/mac");
        EfuseField field = check.efuseField(m.chip(), m.field(), "/field");
        check.require(field.block() == m.block(), "/block",
                field.name() + " is in block " + field.block() + ", not " + m.block());
        if (field.bitLength() >= DeviceIdentifiedValidator.KEY_BLOCK_MIN_BITS) {
            check.require(m.before() == null, "/before", "a key block's content is never reported; send kcv");
            check.require(m.after() == null, "/after", "a key block's content is never reported; send kcv");
            check.require(m.kcv() != null, "/kcv", "is required for key block " + field.name());
            return;
        }
        check.require(m.kcv() == null, "/kcv", "only key blocks report a key check value");
        check.require(m.before() != null, "/before", "is required for " + field.name());
        check.require(m.after() != null, "/after", "is required for " + field.name());
        BigInteger before = new BigInteger(m.before().substring(2), 16);
        BigInteger after = new BigInteger(m.after().substring(2), 16);
        check.require(before.bitLength() <= field.bitLength(), "/before",
                "does not fit the " + field.bitLength() + " bits of " + field.name());
        check.require(after.bitLength() <= field.bitLength(), "/after",
                "does not fit the " + field.bitLength() + " bits of " + field.name());
        check.require(after.and(before).equals(before), "/after",
                "clears bits that were set before; eFuse bits only go from 0 to 1");
    }
}
