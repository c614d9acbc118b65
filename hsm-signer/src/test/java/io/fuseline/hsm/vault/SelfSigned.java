package io.fuseline.hsm.vault;

import java.math.BigInteger;
import java.security.PublicKey;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway certificate carrying a given public key (signed by an unrelated key), for storage tests. */
final class SelfSigned {
    private SelfSigned() {
    }

    static byte[] certificateFor(PublicKey subjectKey) {
        try {
            var signer = io.fuseline.schemas.envelope.P256.generate();
            var name = new X500Name("CN=storage test");
            return new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(), new Date(System.currentTimeMillis()
                    + 86_400_000L), name, subjectKey)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
