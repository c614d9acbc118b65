package io.fuseline.hsm.vault;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/** ECDSA signatures from the r ‖ s form tokens return to the DER form JCA and exports use. Stateless. */
public final class EcdsaSignatures {
    private EcdsaSignatures() {
    }

    /**
     * The DER {@code SEQUENCE { INTEGER r, INTEGER s }} of an r ‖ s signature (two equal halves; P-256: 64 bytes).
     *
     * @throws VaultException TOKEN_ERROR if {@code rs} is not two equal non-empty halves
     */
    public static byte[] der(byte[] rs) {
        if (rs.length == 0 || rs.length % 2 != 0) {
            throw new VaultException(VaultError.TOKEN_ERROR, "an ECDSA signature r || s has two equal halves, got "
                    + rs.length + " bytes");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, rs.length / 2));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, rs.length / 2, rs.length));
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of an ECDSA signature failed", e);
        }
    }
}
