/**
 * The key envelope: how a per-device secret travels from the vault to the one station it was issued for, and the
 * station-side unwrap in plain JCA (no vault code, no Bouncy Castle).
 *
 * <p>Scheme {@link io.fuseline.schemas.envelope.WrapScheme#ECDH_P256_KWP_V1} (docs/key-policy.md, "Wrapping"):
 * <ol>
 *   <li>the vault makes an ephemeral EC P-256 key pair and computes the ECDH shared secret {@code Z} (the
 *       x-coordinate, 32 bytes) with the station's enrolled public key;</li>
 *   <li>{@code fixedInfo = SHA-256("fuseline/key-envelope/v1" || header)}, where the header binds the scheme, the
 *       secret kind, the station key's fingerprint, the ephemeral public point and the key check value;</li>
 *   <li>{@code KEK = AES-256-ECB(key = Z, data = fixedInfo)} (PKCS#11 {@code CKM_AES_ECB_ENCRYPT_DATA}, so the
 *       KEK never leaves an HSM);</li>
 *   <li>{@code wrapped = AES-KWP(KEK, secret)} (RFC 5649; PKCS#11 {@code CKM_AES_KEY_WRAP_PAD}, JCA
 *       {@code AES/KWP/NoPadding}).</li>
 * </ol>
 * Any change to the header changes the KEK, so a tampered envelope fails the key-wrap integrity check.
 * Secrets in memory live in {@link io.fuseline.schemas.envelope.SecretBytes}, which zeroizes on close and prints
 * only a {@link io.fuseline.schemas.envelope.KeyCheckValue}.
 */
package io.fuseline.schemas.envelope;
