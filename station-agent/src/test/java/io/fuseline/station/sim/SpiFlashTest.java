package io.fuseline.station.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpiFlashTest {

    @TempDir
    Path dir;

    @Test
    void writesOnlyClearBitsAndEraseWorksOnWholeSectors() {
        SpiFlash flash = SpiFlash.erased(1 << 18);
        flash.program(0x1000, new byte[] {(byte) 0xF0, 0x0F}, 0, 2);
        flash.program(0x1000, new byte[] {(byte) 0x3C, (byte) 0xFF}, 0, 2);
        assertThat(flash.read(0x1000, 2)).containsExactly(0x30, 0x0F);

        flash.eraseRange(0x1001, 1);
        assertThat(flash.read(0x1000, 2)).containsExactly(0xFF, 0xFF);
        flash.program(0x0FFF, new byte[] {0}, 0, 1);
        flash.program(0x2000, new byte[] {0}, 0, 1);
        flash.eraseRange(0x1000, 0x1000);
        assertThat(flash.read(0x0FFF, 1)).containsExactly(0);
        assertThat(flash.read(0x2000, 1)).containsExactly(0);
    }

    @Test
    void aPersistentFlashSurvivesAReload() throws Exception {
        Path file = dir.resolve("flash.bin");
        SpiFlash.persistent(1 << 18, file).program(0x3000, new byte[] {1, 2, 3}, 0, 3);
        assertThat(SpiFlash.persistent(1 << 18, file).read(0x3000, 4)).containsExactly(1, 2, 3, 0xFF);
        assertThatThrownBy(() -> SpiFlash.persistent(1 << 19, file)).hasMessageContaining("holds 262144 bytes");
    }

    @Test
    void rangesOutsideTheChipAreRefused() {
        SpiFlash flash = SpiFlash.erased(1 << 18);
        assertThatThrownBy(() -> flash.read((1 << 18) - 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> SpiFlash.erased(1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
