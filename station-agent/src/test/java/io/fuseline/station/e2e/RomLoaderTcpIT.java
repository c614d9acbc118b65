package io.fuseline.station.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.flash.FlashEncryption;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.FlashWriteOptions;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.ops.UnsupportedChipException;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The loader client against the virtual jig over loopback TCP, for every simulated family. */
class RomLoaderTcpIT {

    @ParameterizedTest
    @EnumSource(ChipFamily.class)
    void provisionsAVirtualChipOverTcp(ChipFamily family) throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family));
        try (VirtualJigServer jig = VirtualJigServer.start(chip, 0);
                RomLoader loader = new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)),
                        LoaderSettings.defaults())) {
            ProvisioningScenario.run(loader, chip);
        }
    }

    @ParameterizedTest
    @EnumSource(ChipFamily.class)
    void everyConnectionIsAFreshResetButFlashPersists(ChipFamily family) throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family));
        byte[] data = "persisted across connections".getBytes();
        try (VirtualJigServer jig = VirtualJigServer.start(chip, 0)) {
            try (RomLoader first = connect(jig)) {
                first.connect();
                first.changeBaudRate(921600);
                first.writeFlash(0x1000, data, FlashWriteOptions.PLAIN, (d, t) -> { });
            }
            try (RomLoader second = connect(jig)) {
                // A new connection starts at 115200 with a fresh ROM: SYNC works again and the data is there.
                second.connect();
                second.verifyFlash(0x1000, data);
            }
            assertThat(jig.connections()).isEqualTo(2);
        }
    }

    @Test
    void theS3RomEncryptsWithTheBurnedXtsKeyAndTheEsp32RomRefuses() throws Exception {
        byte[] key = new byte[32];
        new Random(3).nextBytes(key);
        VirtualChip s3 = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32S3));
        // espefuse burn_key … XTS_AES_128_KEY stores the key byte-reversed in BLOCK_KEY0, purpose 4 in BLOCK0.
        byte[] reversed = new byte[32];
        for (int i = 0; i < 32; i++) {
            reversed[i] = key[31 - i];
        }
        IntBuffer words = ByteBuffer.wrap(reversed).order(ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer();
        int[] keyWords = new int[8];
        words.get(keyWords);
        s3.efuse().factoryBurn(4, keyWords);
        s3.efuse().factoryBurn(0, new int[] {0, 0, 4 << 24, 0, 0, 0});
        byte[] plain = "application image, plaintext ".repeat(100).getBytes();
        try (VirtualJigServer jig = VirtualJigServer.start(s3, 0); RomLoader loader = connect(jig)) {
            loader.connect();
            var r = loader.writeFlash(0x20000, plain, FlashWriteOptions.ENCRYPTED,
                    (d, t) -> { });
            assertThat(r.encrypted()).isTrue();
            assertThat(r.compressed()).isFalse();
        }
        byte[] padded = Arrays.copyOf(plain, (plain.length + 0x3FF) / 0x400 * 0x400);
        Arrays.fill(padded, plain.length, padded.length, (byte) 0xFF);
        try (var xts = FlashEncryption.xts(key)) {
            assertThat(s3.flash().read(0x20000, padded.length)).isEqualTo(xts.encrypt(0x20000, padded));
        }

        VirtualChip esp32 = new VirtualChip(JigConfig.defaults(ChipFamily.ESP32));
        try (VirtualJigServer jig = VirtualJigServer.start(esp32, 0); RomLoader loader = connect(jig)) {
            loader.connect();
            assertThatThrownBy(() -> loader.writeFlash(0x20000, plain,
                    FlashWriteOptions.ENCRYPTED, (d, t) -> { }))
                    .isInstanceOf(UnsupportedChipException.class)
                    .hasMessageContaining("cannot encrypt");
        }
    }

    private static RomLoader connect(VirtualJigServer jig) throws Exception {
        return new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)),
                LoaderSettings.defaults());
    }
}
