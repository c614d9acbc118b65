package io.fuseline.station.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.station.jig.TcpTransport;
import io.fuseline.station.ops.FlashWriteOptions;
import io.fuseline.station.ops.LoaderSettings;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.protocol.SecurityInfo;
import io.fuseline.station.sim.Fault;
import io.fuseline.station.sim.JigConfig;
import io.fuseline.station.sim.VirtualChip;
import io.fuseline.station.sim.VirtualJigServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Several virtual jigs at once, two units sharing a MAC, and units that arrive with security fuses burned. */
class MultiJigIT {

    @Test
    void threeJigsServeThreeStationsConcurrentlyAndADuplicateMacIsVisible() throws Exception {
        MacAddress shared = MacAddress.parse("24:0a:c4:aa:bb:cc");
        List<VirtualJigServer> jigs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            jigs.add(VirtualJigServer.start(new VirtualChip(JigConfig.defaults(ChipFamily.ESP32).withMac(shared)), 0));
            jigs.add(VirtualJigServer.start(new VirtualChip(JigConfig.defaults(ChipFamily.ESP32).withMac(shared)), 0));
            jigs.add(VirtualJigServer.start(new VirtualChip(JigConfig.defaults(ChipFamily.ESP32S3)), 0));
            List<Future<MacAddress>> macs = new ArrayList<>();
            for (VirtualJigServer jig : jigs) {
                macs.add(pool.submit(() -> provision(jig)));
            }
            List<MacAddress> seen = new ArrayList<>();
            for (Future<MacAddress> f : macs) {
                seen.add(f.get());
            }
            assertThat(seen).containsExactly(shared, shared, JigConfig.defaults(ChipFamily.ESP32S3).mac());
            assertThat(jigs).allSatisfy(j -> assertThat(j.connections()).isEqualTo(1));
            assertThat(jigs.stream().map(VirtualJigServer::port)).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
            for (VirtualJigServer j : jigs) {
                j.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChipFamily.class, names = {"ESP32", "ESP32S3"})
    void aChipWithPreBurnedSecurityFusesShowsItBeforeAnythingIsWritten(ChipFamily family) throws Exception {
        VirtualChip chip = new VirtualChip(JigConfig.defaults(family).withFaults(List.of(new Fault.PreBurnedSecurity())));
        try (VirtualJigServer jig = VirtualJigServer.start(chip, 0); RomLoader loader = loader(jig)) {
            loader.connect();
            EfuseSummary summary = loader.readEfuseSummary();
            assertThat(summary.flashEncryption().enabled()).isTrue();
            assertThat(summary.secureBoot().enabled()).isTrue();
            if (family == ChipFamily.ESP32S3) {
                SecurityInfo info = loader.securityInfo().orElseThrow();
                assertThat(info.flashEncryptionEnabled()).isTrue();
                assertThat(info.has(SecurityInfo.Flag.SECURE_BOOT_EN)).isTrue();
            }
        }
    }

    private static MacAddress provision(VirtualJigServer jig) throws Exception {
        try (RomLoader loader = loader(jig)) {
            loader.connect();
            byte[] data = ("unit at " + jig.address()).repeat(300).getBytes();
            loader.writeFlash(0x10000, data, FlashWriteOptions.COMPRESSED, (d, t) -> { });
            loader.verifyFlash(0x10000, data);
            return loader.readMac();
        }
    }

    private static RomLoader loader(VirtualJigServer jig) throws Exception {
        return new RomLoader(TcpTransport.connect("127.0.0.1", jig.port(), Duration.ofSeconds(2)),
                LoaderSettings.defaults());
    }
}
