package io.fuseline.hsm.ca;

import java.time.Duration;
import java.util.Objects;

/**
 * What the factory CA puts in device certificates.
 *
 * @param organization  the subject's O (the manufacturer)
 * @param validity      how long a device certificate is valid from issuance
 * @param backdate      how far notBefore lies before issuance, for device clocks that run behind
 * @param caValidity    how long the CA's own self-signed certificate is valid
 */
public record CertificateProfile(String organization, Duration validity, Duration backdate, Duration caValidity) {
    public CertificateProfile {
        Objects.requireNonNull(organization, "organization");
        if (validity.isNegative() || validity.isZero() || backdate.isNegative() || caValidity.compareTo(validity) < 0) {
            throw new IllegalArgumentException("certificate validity must be positive, backdate not negative, and the "
                    + "CA's validity at least a device's");
        }
    }
}
