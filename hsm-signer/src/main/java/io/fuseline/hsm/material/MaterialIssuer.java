package io.fuseline.hsm.material;

import io.fuseline.hsm.ca.FactoryCa;
import io.fuseline.hsm.custody.CustodyEvent;
import io.fuseline.hsm.custody.CustodyRecorder;
import io.fuseline.hsm.policy.KeyPolicy;
import io.fuseline.hsm.policy.KeyRole;
import io.fuseline.hsm.vault.KeyType;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.KeyVault;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.hsm.vault.VaultKey;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.WrappedKey;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a {@link KeyMaterialRequested}: generates each requested secret in the vault, has the factory CA certify
 * the identity key, and wraps everything for the requesting station.
 *
 * <p>Idempotent by request id: the vault stores the request id with every key (PKCS#11 CKA_ID), so the same request
 * delivered again finds its keys and certificate and answers with the same material (new envelopes, same keys and
 * check values). A device never gets a second key for a slot: another request for a slot that already has a key
 * fails with {@link VaultError#ALREADY_ISSUED}, unless it is marked {@code reprovision}, which adds a new generation
 * ({@code #2}, {@code #3}, ...) and logs it as such. A request that failed half-way is completed by its retry.
 * Thread-safe: requests for one device are serialised (within this process; across replicas, Kafka's per-MAC
 * partitioning does it).
 */
public final class MaterialIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(MaterialIssuer.class);
    private static final int MAX_GENERATIONS = 1000;
    private final KeyVault vault;
    private final FactoryCa ca;
    private final CustodyRecorder custody;
    private final Object[] locks = new Object[64];

    public MaterialIssuer(KeyVault vault, FactoryCa ca) {
        this(vault, ca, CustodyRecorder.NONE);
    }

    /** An issuer that records every generation and wrap in {@code custody}. */
    public MaterialIssuer(KeyVault vault, FactoryCa ca, CustodyRecorder custody) {
        this.vault = vault;
        this.ca = ca;
        this.custody = custody;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public KeyMaterialIssued issue(KeyMaterialRequested request) {
        PublicKey station = stationKey(request);
        List<SecretSlot> slots = request.secrets().stream().map(s -> SecretSlot.of(s, request.chip())).toList();
        synchronized (locks[Math.floorMod(request.mac().hashCode(), locks.length)]) {
            List<WrappedKey> wrapped = new ArrayList<>();
            String certificatePem = null;
            String fingerprint = P256.fingerprintHex(station);
            for (SecretSlot slot : slots) {
                VaultKey key = keyFor(request, slot);
                KeyLabel label = key.label();
                if (slot.isKeyPair()) {
                    certificatePem = certificate(request, label);
                }
                KeyEnvelope envelope = vault.wrapForStation(label, request.stationId(), slot.kind());
                custody.record(new CustodyEvent.WrappedFor(label, key.kcv(), request.stationId(), fingerprint,
                        request.requestId()));
                wrapped.add(new WrappedKey(keyIdOf(label), slot.kind(), slot.purpose(), key.kcv(), envelope.toBase64()));
            }
            return new KeyMaterialIssued(request.requestId(), request.mac(), request.chip(), request.stationId(),
                    fingerprint, wrapped, certificatePem);
        }
    }

    /** The requesting station's enrolled key; nothing is generated for a station that is not enrolled. */
    private PublicKey stationKey(KeyMaterialRequested request) {
        try {
            return vault.publicKey(KeyLabel.station(request.stationId()));
        } catch (VaultException e) {
            if (e.error() != VaultError.KEY_NOT_FOUND) {
                throw e;
            }
            throw new VaultException(VaultError.STATION_NOT_ENROLLED, "station " + request.stationId()
                    + " is not enrolled; refusing request " + request.requestId());
        }
    }

    /** The key of this slot for this request: found (same request), or generated (first or reprovision). */
    private VaultKey keyFor(KeyMaterialRequested request, SecretSlot slot) {
        int generation = 0;
        Optional<VaultKey> latest = Optional.empty();
        for (int g = 1; g <= MAX_GENERATIONS; g++) {
            Optional<VaultKey> k = vault.find(slot.label(request.mac(), g));
            if (k.isEmpty()) {
                break;
            }
            generation = g;
            latest = k;
        }
        if (latest.isPresent()) {
            if (latest.get().requestId().equals(request.requestId())) {
                return latest.get(); // the same request again: the same key
            }
            if (!request.reprovision()) {
                throw new VaultException(VaultError.ALREADY_ISSUED, request.mac() + " already has " + latest.get().label()
                        + " (kcv " + latest.get().kcv() + ", request " + latest.get().requestId() + "); request "
                        + request.requestId() + " is not a re-provisioning request");
            }
            LOG.info("re-provisioning {}: generation {} replaces {} (kcv {}), request {}", request.mac(),
                    generation + 1, latest.get().label(), latest.get().kcv(), request.requestId());
        }
        KeyLabel label = slot.label(request.mac(), generation + 1);
        VaultKey created = slot.isKeyPair() ? vault.generateKeyPair(label, request.requestId())
                : vault.generateSecret(label, slot.length(), request.requestId());
        LOG.info("generated {} (kcv {}) for {} request {}", label, created.kcv(), request.mac(), request.requestId());
        custody.record(new CustodyEvent.Generated(label, created.kcv(), vault.describe(), template(label),
                request.requestId() + (request.reprovision() ? " (re-provisioning)" : "")));
        return created;
    }

    /**
     * The key id a {@link WrappedKey} (and the orchestrator's {@code burnedKeyIds}) carries for a device key: its
     * label's name in the schema's alphabet, {@code <mac>.<slot>.g<generation>}, e.g.
     * {@code 24:0a:c4:12:34:56.flash_encryption_key.xts_aes_128_key.g1}.
     */
    public static String keyIdOf(KeyLabel label) {
        return label.name().replaceFirst("/", ".").replace("#", ".g");
    }

    /** The label of a key the issuer named {@code key.keyId()} in a {@link WrappedKey} of the given kind. */
    public static KeyLabel labelOf(WrappedKey key) {
        String id = key.keyId();
        int g = id.lastIndexOf(".g");
        String name = (id.substring(0, g) + "#" + id.substring(g + 2)).replaceFirst("\\.", "/");
        return new KeyLabel(switch (key.kind()) {
            case FLASH_ENCRYPTION_KEY -> KeyRole.DEVICE_FLASH_ENCRYPTION;
            case HMAC_KEY -> KeyRole.DEVICE_HMAC;
            case NVS_ENCRYPTION_KEY -> KeyRole.DEVICE_NVS_ENCRYPTION;
            case DEVICE_IDENTITY_KEY -> KeyRole.DEVICE_IDENTITY;
        }, name);
    }

    /** The template a key was generated under, as the custody record names it (docs/key-policy.md). */
    static String template(KeyLabel label) {
        KeyPolicy p = KeyPolicy.of(label.role());
        return label.role() + " " + KeyType.of(label.role()) + ": CKA_TOKEN=" + p.token() + " CKA_SENSITIVE="
                + p.sensitive() + " CKA_EXTRACTABLE=" + p.extractable() + (p.wrapOnlyForStation()
                ? " (wrap only, enrolled station)" : "") + " CKA_MODIFIABLE=false";
    }

    private String certificate(KeyMaterialRequested request, KeyLabel identity) {
        byte[] der = vault.certificate(identity).orElse(null);
        if (der == null) {
            try {
                der = ca.issueDevice(request.mac(), request.workOrderId(), vault.publicKey(identity)).getEncoded();
            } catch (IOException e) {
                throw new VaultException(VaultError.BAD_REQUEST, null, "cannot encode the device certificate", e);
            }
            vault.storeCertificate(identity, der);
        }
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

}
