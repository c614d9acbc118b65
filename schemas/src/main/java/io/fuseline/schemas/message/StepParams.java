package io.fuseline.schemas.message;

import io.fuseline.esp.efuse.KeyPurpose;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The parameters of one job step; which members are present depends on the {@link StepKind} (see
 * {@link StepKind#requiredParams()}), the others are null. {@code address} is a flash byte offset;
 * {@code imageDigest} the lowercase hex SHA-256 of the plaintext image, or for the unit's own {@code nvs} and
 * {@code nvs_keys} partitions (which hold keys no one but the station sees) {@link UnitNvs#digest()} of the job's
 * description of them; {@code efuseField} and {@code keyBlock}
 * are espefuse field names of the job's chip; {@code keyId} names one of the job's wrapped keys;
 * {@code keyDigest} is the lowercase hex SHA-256 Secure Boot V2 public-key digest.
 */
public record StepParams(Long address, String image, String imageDigest, String efuseField, Long efuseValue,
                         String keyBlock, KeyPurpose keyPurpose, String keyId, String keyDigest) {

    /** Parameters of a flash write or verification. */
    public static StepParams flash(long address, String image, String imageDigest, String keyId) {
        return new StepParams(address, image, imageDigest, null, null, null, null, keyId, null);
    }

    /** Parameters of a key burn. */
    public static StepParams key(String keyBlock, KeyPurpose purpose, String keyId) {
        return new StepParams(null, null, null, null, null, keyBlock, purpose, keyId, null);
    }

    /** Parameters of a Secure Boot digest burn. */
    public static StepParams digest(String keyBlock, KeyPurpose purpose, String keyDigest) {
        return new StepParams(null, null, null, null, null, keyBlock, purpose, null, keyDigest);
    }

    /** Parameters of an eFuse burn. */
    public static StepParams efuse(String field, long value) {
        return new StepParams(null, null, null, field, value, null, null, null, null);
    }

    /** Parameters of a read- or write-protect step. */
    public static StepParams protect(String field) {
        return new StepParams(null, null, null, field, null, null, null, null, null);
    }

    /** The JSON names of the members that are present, in declaration order. */
    public Set<String> present() {
        Set<String> names = new LinkedHashSet<>();
        if (address != null) names.add("address");
        if (image != null) names.add("image");
        if (imageDigest != null) names.add("imageDigest");
        if (efuseField != null) names.add("efuseField");
        if (efuseValue != null) names.add("efuseValue");
        if (keyBlock != null) names.add("keyBlock");
        if (keyPurpose != null) names.add("keyPurpose");
        if (keyId != null) names.add("keyId");
        if (keyDigest != null) names.add("keyDigest");
        return names;
    }
}
