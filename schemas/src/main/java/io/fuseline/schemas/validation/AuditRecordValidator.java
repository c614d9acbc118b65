package io.fuseline.schemas.validation;

import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.message.AuditRecord;

/**
 * AuditRecord: SHA-256 hashes, the genesis rule (record 0, and only record 0, follows 64 zeros), a record that does
 * not chain to itself, and a subject that is a unit's unicast MAC or {@code line}.
 */
final class AuditRecordValidator implements MessageValidator<AuditRecord> {
    /** The previous hash of the first record of a chain. */
    static final String GENESIS_HASH = "0".repeat(64);

    @Override
    public void validate(AuditRecord m, RuleCheck check) {
        check.sha256(m.previousHash(), "/previousHash");
        check.sha256(m.recordHash(), "/recordHash");
        check.require((m.sequence() == 0) == GENESIS_HASH.equals(m.previousHash()), "/previousHash",
                "is 64 zeros exactly for record 0");
        check.require(!m.recordHash().equals(m.previousHash()), "/recordHash", "must differ from previousHash");
        if (!AuditRecord.LINE_SUBJECT.equals(m.subject())) {
            check.require(MacAddress.isCanonical(m.subject()), "/subject", "must be a MAC or 'line'");
            check.unicastMac(MacAddress.parse(m.subject()), "/subject");
        }
    }
}
