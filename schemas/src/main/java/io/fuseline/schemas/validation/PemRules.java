package io.fuseline.schemas.validation;

/**
 * What a certificate field of a message may hold: one PEM certificate and nothing else. A private key pasted into
 * such a field would be plaintext key material on a topic, so the rule looks for it explicitly.
 */
final class PemRules {
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private PemRules() {}

    static void certificate(String pem, String pointer, RuleCheck check) {
        String text = pem.strip();
        check.require(!text.contains("PRIVATE KEY"), pointer, "must not contain a private key");
        check.require(text.startsWith(BEGIN) && text.endsWith(END), pointer,
                "must be one PEM certificate (" + BEGIN + " ... " + END + ")");
    }
}
