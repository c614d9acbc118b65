package io.fuseline.hsm.material;

import io.fuseline.hsm.ca.FactoryCa;
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
    private final Object[] locks = new Object[64];

    public MaterialIssuer(KeyVault vault, FactoryCa ca) {
        this.vault = vault;
        this.ca = ca;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public KeyMaterialIssued issue(KeyMaterialRequested request) {
        if (vault.find(KeyLabel.station(request.stationId())).isEmpty()) {
            throw new VaultException(VaultError.STATION_NOT_ENROLLED, "station " + request.stationId()
                    + " is not enrolled; refusing request " + request.requestId());
        }
        List<SecretSlot> slots = request.secrets().stream().map(s -> SecretSlot.of(s, request.chip())).toList();
        synchronized (locks[Math.floorMod(request.mac().hashCode(), locks.length)]) {
            List<WrappedKey> wrapped = new ArrayList<>();
            String certificatePem = null;
            for (SecretSlot slot : slots) {
                KeyLabel label = keyFor(request, slot);
                VaultKey key = vault.find(label).orElseThrow();
                if (slot.isKeyPair()) {
                    certificatePem = certificate(request, label);
                }
                KeyEnvelope envelope = vault.wrapForStation(label, request.stationId(), slot.kind());
                wrapped.add(new WrappedKey(label.name(), slot.kind(), slot.purpose(), key.kcv(), envelope.toBase64()));
            }
            String fingerprint = P256.fingerprintHex(vault.publicKey(KeyLabel.station(request.stationId())));
            return new KeyMaterialIssued(request.requestId(), request.mac(), request.chip(), request.stationId(),
                    fingerprint, wrapped, certificatePem);
        }
    }

    /** The key of this slot for this request: found (same request), or generated (first or reprovision). */
    private KeyLabel keyFor(KeyMaterialRequested request, SecretSlot slot) {
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
                return latest.get().label(); // the same request again: the same key
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
        return label;
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
