package io.fuseline.esp.secureboot;

/**
 * The signature schemes a Secure Boot V2 signature block can carry (NOTES §b). Which chip accepts which is
 * ESP-IDF policy: ESP32 (rev ≥ 3), ESP32-S3 and ESP32-C3 verify {@link #RSA_3072_PSS} only.
 */
public enum SignatureScheme {
    /** RSA-3072, PSS with SHA-256, MGF1-SHA-256, 32-byte salt; block version 0x02. */
    RSA_3072_PSS(0x02, 0, "SHA-256", 384, ""),
    /** ECDSA over NIST P-192 with SHA-256 (ESP32-C2); block version 0x03. The JDK cannot sign or verify it. */
    ECDSA_P192(0x03, 1, "SHA-256", 24, "secp192r1"),
    /** ECDSA over NIST P-256 with SHA-256; block version 0x03. */
    ECDSA_P256(0x03, 2, "SHA-256", 32, "secp256r1"),
    /** ECDSA over NIST P-384 with SHA-384; block version 0x03. */
    ECDSA_P384(0x03, 3, "SHA-384", 48, "secp384r1");

    private final int blockVersion;
    private final int curveId;
    private final String digestAlgorithm;
    private final int componentBytes;
    private final String curveName;

    SignatureScheme(int blockVersion, int curveId, String digestAlgorithm, int componentBytes, String curveName) {
        this.blockVersion = blockVersion;
        this.curveId = curveId;
        this.digestAlgorithm = digestAlgorithm;
        this.componentBytes = componentBytes;
        this.curveName = curveName;
    }

    /** 0x02 (RSA) or 0x03 (ECDSA): byte 1 of the block. */
    public int blockVersion() { return blockVersion; }

    /** ECDSA curve id as stored in the block (1 = P-192, 2 = P-256, 3 = P-384); 0 for RSA. */
    public int curveId() { return curveId; }

    /** JCA name of the image digest the block holds and the signature covers. */
    public String digestAlgorithm() { return digestAlgorithm; }

    /** Bytes of the image digest: 32, or 48 for P-384. */
    public int digestLength() { return this == ECDSA_P384 ? 48 : 32; }

    /** Bytes of one signature component: the RSA modulus, or one ECDSA coordinate / r / s. */
    public int componentBytes() { return componentBytes; }

    public boolean isEcdsa() { return blockVersion == 0x03; }

    /** JCA standard curve name; meaningless for RSA. */
    String curveName() { return curveName; }

    /** Length of the signature {@link Signer} returns: the RSA signature, or r ‖ s (IEEE P1363). */
    public int signatureLength() { return isEcdsa() ? 2 * componentBytes : componentBytes; }

    static SignatureScheme ofCurveId(int id) {
        for (SignatureScheme s : values()) {
            if (s.isEcdsa() && s.curveId == id) {
                return s;
            }
        }
        return null;
    }
}
