package io.fuseline.hsm.vault.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fuseline.hsm.ca.FactoryCa;
import io.fuseline.hsm.material.IssuanceContract;
import io.fuseline.hsm.material.MaterialIssuer;
import io.fuseline.hsm.testing.SoftHsmToken;
import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import io.fuseline.hsm.vault.VaultKey;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.WrappedKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token goes away under an open vault, in each way SoftHSM2 lets a test make it go away, and comes back. Every
 * time: the request in flight fails as retriable (TOKEN_UNAVAILABLE), never as "refused" and never by finding a
 * device's keys absent; the next request reconnects; the device's keys are found as before (same check values, same
 * certificate), another request for them is still refused as already issued, and no label exists twice. And with
 * several threads issuing while the sessions are closed under them, every request that met the outage completes on
 * its retry, without a second key for any device.
 */
class Pkcs11ReconnectIT {
    /** One way to lose the token, and how the test ends the outage. */
    enum Outage {
        /** C_CloseAllSessions from elsewhere in the process: sessions and login gone (CKR_SESSION_HANDLE_INVALID). */
        SESSIONS_CLOSED,
        /** C_Logout from another session: private objects turn invisible, searches answer "nothing". */
        LOGGED_OUT,
        /** C_Finalize: the module is gone (CKR_CRYPTOKI_NOT_INITIALIZED) until someone initializes it again. */
        MODULE_FINALIZED,
        /** The token store vanishes (an unmounted volume): SoftHSM2 answers CKR_GENERAL_ERROR and empty searches,
         *  and recovers only through a new C_Initialize once the store is back. */
        STORE_MOVED_AWAY;

        /** Starts the outage; closing the result ends it (for the outages that end by themselves: nothing). */
        AutoCloseable begin(SoftHsmToken token) throws Exception {
            AutoCloseable nothingToUndo = () -> { };
            return switch (this) {
                case SESSIONS_CLOSED -> {
                    token.closeAllSessions();
                    yield nothingToUndo;
                }
                case LOGGED_OUT -> {
                    token.logoutElsewhere();
                    yield nothingToUndo;
                }
                case MODULE_FINALIZED -> {
                    token.finalizeModule();
                    yield nothingToUndo;
                }
                case STORE_MOVED_AWAY -> token.moveStoreAway();
            };
        }
    }

    private SoftHsmToken token;
    private Pkcs11KeyVault vault;
    private MaterialIssuer issuer;

    @BeforeEach
    void ceremony() {
        Assumptions.assumeTrue(SoftHsmToken.installed(), "SoftHSM2 is not installed");
        token = SoftHsmToken.shared();
        token.wipe();
        vault = Pkcs11KeyVault.open(token.config());
        vault.enrollStation("st-01", P256.generate().getPublic());
        FactoryCa ca = FactoryCa.create(vault, IssuanceContract.CA, "Reconnect CA", IssuanceContract.PROFILE,
                Clock.systemUTC());
        issuer = new MaterialIssuer(vault, ca);
    }

    @AfterEach
    void close() {
        if (vault != null) {
            vault.close();
        }
        if (token != null) {
            token.ensureModuleUsable();
        }
    }

    @ParameterizedTest
    @EnumSource(Outage.class)
    void theVaultFailsRetriablyWhileTheTokenIsGoneAndFindsItsKeysAfterReconnecting(Outage outage) throws Exception {
        Assumptions.assumeTrue(outage != Outage.STORE_MOVED_AWAY || token.projectLocal(),
                "moves only a project-local token store (SOFTHSM2_CONF set for the test JVM)");
        KeyMaterialIssued before = issuer.issue(IssuanceContract.s3Request("kmr-1", IssuanceContract.mac(1), false));

        try (AutoCloseable outageEnds = outage.begin(token)) {
            assertUnavailable(() -> issuer.issue(IssuanceContract.s3Request("kmr-1", IssuanceContract.mac(1), false)));
            if (outage == Outage.STORE_MOVED_AWAY) {
                // still gone: every try fails retriably, creating a key included, and none reports a key absent
                assertUnavailable(() -> vault.find(keyOf(before, 0)));
                assertUnavailable(() -> issuer.issue(
                        IssuanceContract.s3Request("kmr-2", IssuanceContract.mac(2), false)));
            }
        }

        KeyMaterialIssued again = issuer.issue(IssuanceContract.s3Request("kmr-1", IssuanceContract.mac(1), false));
        assertThat(again.wrappedKeys()).extracting(WrappedKey::kcv)
                .containsExactlyElementsOf(before.wrappedKeys().stream().map(WrappedKey::kcv).toList());
        assertThat(again.certificatePem()).isEqualTo(before.certificatePem());
        Throwable second = catchThrowable(() -> issuer.issue(
                IssuanceContract.s3Request("kmr-other", IssuanceContract.mac(1), false)));
        assertThat(second).isInstanceOf(VaultException.class);
        assertThat(((VaultException) second).error()).isEqualTo(VaultError.ALREADY_ISSUED);

        KeyMaterialIssued next = issuer.issue(IssuanceContract.s3Request("kmr-3", IssuanceContract.mac(3), false));
        assertThat(next.wrappedKeys()).hasSize(4);
        try (Pkcs11KeyVault reopened = Pkcs11KeyVault.open(token.config())) { // its index load refuses duplicates
            List<VaultKey> device = reopened.list(IssuanceContract.mac(1) + "/");
            assertThat(device).extracting(VaultKey::kcv)
                    .containsExactlyInAnyOrderElementsOf(before.wrappedKeys().stream().map(WrappedKey::kcv).toList());
            assertThat(reopened.list()).extracting(k -> k.label().toString()).doesNotHaveDuplicates();
        }
    }

    @Test
    void requestsInFlightOnSeveralThreadsFailRetriablyAndTheirRetriesCompleteWithoutASecondKey() throws Exception {
        int threads = 4;
        int perThread = 8;
        AtomicInteger retriable = new AtomicInteger();
        AtomicInteger issued = new AtomicInteger();
        Map<Integer, KeyMaterialIssued> byDevice = new ConcurrentHashMap<>();
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int n = first; n < threads * perThread; n += threads) {
                        byDevice.put(n, issueRetrying("kmr-" + n, n, retriable));
                        if (issued.incrementAndGet() % 10 == 0) {
                            // Mid-run, under the other threads' requests (not inside one of their PKCS#11 calls:
                            // SoftHSM2 itself does not survive that, see betweenCalls).
                            vault.betweenCalls(() -> {
                                try {
                                    token.closeAllSessions();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                        }
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(retriable.get()).as("requests that met the outage").isPositive();
        assertThat(byDevice).hasSize(threads * perThread);
        List<String> kcvs = byDevice.values().stream().flatMap(i -> i.wrappedKeys().stream()).map(WrappedKey::kcv)
                .toList();
        assertThat(kcvs).hasSize(threads * perThread * 4).doesNotHaveDuplicates();
        try (Pkcs11KeyVault reopened = Pkcs11KeyVault.open(token.config())) {
            for (var e : byDevice.entrySet()) {
                assertThat(reopened.list(IssuanceContract.mac(e.getKey()) + "/")).extracting(VaultKey::kcv)
                        .containsExactlyInAnyOrderElementsOf(e.getValue().wrappedKeys().stream().map(WrappedKey::kcv)
                                .toList());
            }
        }
    }

    /** What the service's Retrier does: the same request again after a retriable failure. */
    private KeyMaterialIssued issueRetrying(String requestId, int device, AtomicInteger retriable) {
        for (int attempt = 1; ; attempt++) {
            try {
                return issuer.issue(IssuanceContract.s3Request(requestId, IssuanceContract.mac(device), false));
            } catch (VaultException e) {
                if (!e.retriable() || attempt == 10) {
                    throw e;
                }
                retriable.incrementAndGet();
            }
        }
    }

    private static KeyLabel keyOf(KeyMaterialIssued issued, int i) {
        return MaterialIssuer.labelOf(issued.wrappedKeys().get(i));
    }

    private static void assertUnavailable(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("a call while the token is gone").isInstanceOf(VaultException.class);
        VaultException e = (VaultException) t;
        assertThat(e.error()).as(e.getMessage()).isEqualTo(VaultError.TOKEN_UNAVAILABLE);
        assertThat(e.retriable()).isTrue();
    }
}
