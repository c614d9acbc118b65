package io.fuseline.station.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.FlashWriteOptions;
import io.fuseline.station.ops.FlashWriteResult;
import io.fuseline.station.ops.LoaderCommandException;
import io.fuseline.station.ops.LoaderIoException;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.LoaderTimeoutException;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.ops.SyncFailedException;
import io.fuseline.station.ops.VerificationFailedException;
import io.fuseline.station.protocol.CommandFailedException;
import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.protocol.RomError;
import io.fuseline.station.sim.Fault;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every injected fault ends in a typed error or a successful retry, and data that is not on the chip never
 * verifies. Timeouts are short so a fault costs milliseconds; the class timeout only guards against a hang.
 */
@Timeout(60)
class FaultInjectionIT {

    static final LoaderSettings FAST = LoaderSettings.defaults()
            .withCommandTimeout(Duration.ofMillis(300))
            .withSyncTimeout(Duration.ofMillis(30))
            .withAttempts(2, 3, 3)
            .withPerMbTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    static final int AT = 0x8000;
    static final byte[] DATA = randomBytes(4 * 1024 + 100);

    @Test
    void aChipThatNeverSyncsEndsInSyncFailedAfterTheConfiguredAttempts() throws Exception {
        try (var jig = jig(new Fault.NoSync(Integer.MAX_VALUE)); var loader = loader(jig)) {
            assertThatThrownBy(loader::connect).isInstanceOfSatisfying(SyncFailedException.class, e -> {
                assertThat(e.attempts()).isEqualTo(FAST.connectAttempts());
                assertThat(e.retriable()).isTrue();
                assertThat(e.getCause()).isInstanceOfSatisfying(LoaderTimeoutException.class,
                        t -> assertThat(t.timeout()).isEqualTo(FAST.syncTimeout()));
            });
        }
    }

    @Test
    void aChipThatIgnoresTheFirstSyncsIsReachedByRetrying() throws Exception {
        try (var jig = jig(new Fault.NoSync(4)); var loader = loader(jig)) {
            assertThat(loader.connect().family()).isEqualTo(ChipFamily.ESP32);
        }
    }

    @Test
    void aLostAnswerToAFlashBlockTimesOutAndTheBlockIsRepeated() throws Exception {
        try (var jig = jig(new Fault.DropResponseBytes(Opcode.FLASH_DATA, 2, 5)); var loader = loader(jig)) {
            loader.connect();
            FlashWriteResult r = loader.writeFlash(AT, DATA, FlashWriteOptions.PLAIN, ProgressNone.INSTANCE);
            assertThat(r.retries()).isEqualTo(1);
            loader.verifyFlash(AT, DATA);
            assertThat(jig.chip().flash().read(AT, DATA.length)).isEqualTo(DATA);
        }
    }

    @Test
    void aLostAnswerToACompressedBlockDoesNotFeedTheStreamTwice() throws Exception {
        byte[] text = "compressible ".repeat(4000).getBytes();
        try (var jig = jig(new Fault.DropResponseBytes(Opcode.FLASH_DEFL_DATA, 1, 1000)); var loader = loader(jig)) {
            loader.connect();
            FlashWriteResult r = loader.writeFlash(AT, text, FlashWriteOptions.COMPRESSED, ProgressNone.INSTANCE);
            assertThat(r.retries()).isEqualTo(1);
            loader.verifyFlash(AT, text);
        }
    }

    @Test
    void aBlockCorruptedOnTheLineIsRejectedByChecksumAndRepeated() throws Exception {
        try (var jig = jig(new Fault.CorruptRequest(Opcode.FLASH_DATA, 3)); var loader = loader(jig)) {
            loader.connect();
            FlashWriteResult r = loader.writeFlash(AT, DATA, FlashWriteOptions.PLAIN, ProgressNone.INSTANCE);
            assertThat(r.retries()).isEqualTo(1);
            loader.verifyFlash(AT, DATA);
        }
    }

    @Test
    void aTransientFlashWriteErrorIsRetried() throws Exception {
        try (var jig = jig(new Fault.FlashWriteError(2, 2)); var loader = loader(jig)) {
            loader.connect();
            assertThat(loader.writeFlash(AT, DATA, FlashWriteOptions.PLAIN, ProgressNone.INSTANCE).retries())
                    .isEqualTo(2);
            loader.verifyFlash(AT, DATA);
        }
    }

    @Test
    void aPersistentFlashWriteErrorIsATypedErrorAndTheDataDoesNotVerify() throws Exception {
        try (var jig = jig(new Fault.FlashWriteError(2, 1000)); var loader = loader(jig)) {
            loader.connect();
            assertThatThrownBy(() -> loader.writeFlash(AT, DATA, FlashWriteOptions.PLAIN, ProgressNone.INSTANCE))
                    .isInstanceOfSatisfying(LoaderCommandException.class, e -> {
                        assertThat(e.retriable()).isTrue();
                        assertThat(e.protocolError()).isInstanceOfSatisfying(CommandFailedException.class,
                                c -> assertThat(c.romError()).contains(RomError.FLASH_WRITE_ERROR));
                    });
            assertThatThrownBy(() -> loader.verifyFlash(AT, DATA)).isInstanceOf(VerificationFailedException.class);
        }
    }

    @Test
    void dataCorruptedInFlashAfterAnAcknowledgedWriteNeverVerifies() throws Exception {
        try (var jig = jig(new Fault.SilentFlashCorruption(AT + 3000)); var loader = loader(jig)) {
            loader.connect();
            loader.writeFlash(AT, DATA, FlashWriteOptions.PLAIN, ProgressNone.INSTANCE);
            assertThatThrownBy(() -> loader.verifyFlash(AT, DATA))
                    .isInstanceOfSatisfying(VerificationFailedException.class, e -> {
                        assertThat(e.retriable()).isFalse();
                        assertThat(e.expected()).isNotEqualTo(e.actual());
                        assertThat(e.actual().digest()).isEqualTo(md5(jig.chip().flash().read(AT, DATA.length)));
                    });
        }
    }

    @Test
    void aDisconnectInTheMiddleOfAWriteIsAnIoErrorAndAReconnectFinishesTheJob() throws Exception {
        try (var jig = jig(new Fault.DisconnectAt(Opcode.FLASH_DATA, 3))) {
            try (var loader = loader(jig)) {
                loader.connect();
                assertThatThrownBy(() -> loader.writeFlash(AT, DATA, FlashWriteOptions.PLAIN, ProgressNone.INSTANCE))
                        .isInstanceOfSatisfying(LoaderIoException.class, e -> assertThat(e.retriable()).isTrue());
            }
            try (var loader = loader(jig)) {
                loader.connect();
                assertThatThrownBy(() -> loader.verifyFlash(AT, DATA)).isInstanceOf(VerificationFailedException.class);
                loader.writeFlash(AT, DATA, FlashWriteOptions.PLAIN, ProgressNone.INSTANCE);
                loader.verifyFlash(AT, DATA);
            }
        }
    }

    @Test
    void aDisconnectDuringVerificationIsAnIoErrorNotAVerification() throws Exception {
        try (var jig = jig(new Fault.DisconnectAt(Opcode.SPI_FLASH_MD5, 1)); var loader = loader(jig)) {
            loader.connect();
            loader.writeFlash(AT, DATA, FlashWriteOptions.PLAIN, ProgressNone.INSTANCE);
            assertThatThrownBy(() -> loader.verifyFlash(AT, DATA)).isInstanceOf(LoaderIoException.class);
        }
    }

    @Test
    void aLostMd5AnswerIsATimeoutCarryingOpAndTimeout() throws Exception {
        try (var jig = jig(new Fault.DropResponseBytes(Opcode.SPI_FLASH_MD5, 1, 1000)); var loader = loader(jig)) {
            loader.connect();
            loader.writeFlash(AT, DATA, FlashWriteOptions.PLAIN, ProgressNone.INSTANCE);
            assertThatThrownBy(() -> loader.verifyFlash(AT, DATA))
                    .isInstanceOfSatisfying(LoaderTimeoutException.class, e -> {
                        assertThat(e.op()).isEqualTo(Opcode.SPI_FLASH_MD5);
                        assertThat(e.timeout()).isEqualTo(FAST.commandTimeout());
                        assertThat(e.retriable()).isTrue();
                    });
        }
    }

    static VirtualJigServer jig(Fault... faults) throws Exception {
        return VirtualJigServer.start(new VirtualChip(JigConfig.defaults(ChipFamily.ESP32).withFaults(List.of(faults))),
                0);
    }

    static RomLoader loader(VirtualJigServer jig) throws Exception {
        return new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)), FAST);
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    static byte[] md5(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    enum ProgressNone implements io.fuseline.station.ops.ProgressListener {
        INSTANCE;

        @Override
        public void progress(long done, long total) {
        }
    }
}
