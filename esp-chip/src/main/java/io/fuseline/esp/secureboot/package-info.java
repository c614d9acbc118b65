/**
 * Secure Boot V2 as {@code espsecure} does it: signature blocks (RSA-3072 PSS, ECDSA P-192/P-256/P-384),
 * signing through a {@link io.fuseline.esp.secureboot.Signer} (software here, PKCS#11 elsewhere),
 * verification of signed images and the public-key digest burned into eFuse. JCA only, no I/O.
 */
package io.fuseline.esp.secureboot;
