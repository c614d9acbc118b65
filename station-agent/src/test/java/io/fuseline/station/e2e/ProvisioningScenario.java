package io.fuseline.station.e2e;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.BurnRequest;
import io.fuseline.esp.efuse.EfuseKey;
import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.esp.efuse.KeyProtection;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.station.ops.EfuseBurnSettings;
import io.fuseline.station.ops.EfuseBurner;
import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.station.ops.FlashId;
import io.fuseline.station.ops.FlashWriteOptions;
import io.fuseline.station.ops.FlashWriteResult;
import io.fuseline.station.ops.LoaderTarget;
import io.fuseline.station.ops.RomLoader;
import io.fuseline.station.sim.VirtualChip;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The end-to-end conversation every transport must carry: connect, detect, MAC, revision, flash id, eFuse window,
 * plain and compressed writes with MD5 verification, read-back. Asserts against the virtual chip's own state, so
 * the same assertions hold over TCP and over a pty.
 */
final class ProvisioningScenario {

    static final int PLAIN_AT = 0x10000;
    static final int DEFLATED_AT = 0x40000;

    private ProvisioningScenario() {
    }

    static void run(RomLoader loader, VirtualChip chip) throws Exception {
        LoaderTarget target = loader.connect();
        assertThat(target.family()).isEqualTo(chip.config().chip());
        assertThat(loader.securityInfo().isPresent()).isEqualTo(target.securityInfoChipId().isPresent());
        assertThat(loader.readMac()).isEqualTo(chip.config().mac());
        assertThat(loader.readRevision()).isEqualTo(chip.config().revision());
        assertThat(loader.readEfuses()).isEqualTo(chip.efuse().snapshot());

        FlashId id = loader.readFlashId();
        assertThat(id.raw()).isEqualTo(chip.config().flashId());
        assertThat(id.sizeBytes()).hasValue(chip.config().flashSize());
        loader.spiSetParams((int) id.sizeBytes().getAsLong());

        byte[] random = new byte[5000];
        new Random(42).nextBytes(random);
        List<Long> progress = new ArrayList<>();
        FlashWriteResult plain = loader.writeFlash(PLAIN_AT, random, FlashWriteOptions.PLAIN,
                (done, total) -> progress.add(done));
        assertThat(plain.blocks()).isEqualTo(5);
        assertThat(progress).isSorted().last().isEqualTo((long) random.length);
        assertThat(loader.verifyFlash(PLAIN_AT, random).digest()).isEqualTo(md5(random));
        assertThat(chip.flash().read(PLAIN_AT, random.length)).isEqualTo(random);
        assertThat(loader.readFlash(PLAIN_AT + 100, 200, (d, t) -> { })).isEqualTo(slice(random, 100, 200));

        byte[] text = "station-agent writes compressible data; ".repeat(600).getBytes(StandardCharsets.US_ASCII);
        FlashWriteResult deflated = loader.writeFlash(DEFLATED_AT, text, FlashWriteOptions.COMPRESSED,
                (d, t) -> { });
        assertThat(deflated.compressed()).isTrue();
        assertThat(deflated.streamBytes()).isLessThan(text.length / 10);
        loader.verifyFlash(DEFLATED_AT, text);
        assertThat(chip.flash().read(DEFLATED_AT, text.length)).isEqualTo(text);
        // The first write is still intact: erase of the second did not reach it.
        loader.verifyFlash(PLAIN_AT, random);

        burnFlashEncryptionKey(loader, chip);
    }

    /** The last, irreversible step of a unit: its flash-encryption key, read- and write-protected, verified. */
    private static void burnFlashEncryptionKey(RomLoader loader, VirtualChip chip) throws Exception {
        boolean esp32 = chip.config().chip() == ChipFamily.ESP32;
        String block = esp32 ? "flash_encryption" : "BLOCK_KEY0";
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        EfuseBurner.Result burned = new EfuseBurner(loader, EfuseBurnSettings.defaults()).burn(List.of(
                new BurnRequest.BurnKey(block, esp32 ? null : KeyPurpose.XTS_AES_128_KEY, EfuseKey.copyOf(key),
                        KeyProtection.DEFAULT)));
        assertThat(burned.blocks()).isNotEmpty();
        EfuseSummary.BlockState state = loader.readEfuseSummary().block(esp32 ? 1 : 4);
        assertThat(state.readProtected()).isTrue();
        assertThat(state.writeProtected()).isTrue();
        // Read-protected: software reads zeros, the hardware keeps the key.
        assertThat(state.readsEmpty()).isTrue();
        assertThat(loader.readEfuses()).isEqualTo(chip.efuse().snapshot());
    }

    static byte[] md5(byte[] data) throws Exception {
        return java.security.MessageDigest.getInstance("MD5").digest(data);
    }

    static byte[] slice(byte[] a, int from, int length) {
        return java.util.Arrays.copyOfRange(a, from, from + length);
    }
}
