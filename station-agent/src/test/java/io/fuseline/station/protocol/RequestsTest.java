package io.fuseline.station.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layouts written out by hand from NOTES §e.2; the transcript tests check the same against esptool. */
class RequestsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static String hex(Request r) {
        return HEX.formatHex(r.packet());
    }

    @Test
    void syncIsTheMagicAndThirtyTwoU() {
        assertThat(hex(Requests.sync())).isEqualTo("0008240000000000" + "07071220" + "55".repeat(32));
    }

    @Test
    void registerCommands() {
        assertThat(hex(Requests.readReg(0x3FF5A004))).isEqualTo("000a040000000000" + "04a0f53f");
        assertThat(hex(Requests.writeReg(List.of(WriteRegister.of(0x60008800, 1),
                new WriteRegister(0x60000080, 0, 0, 1000)))))
                .isEqualTo("0009200000000000" + "00880060" + "01000000" + "ffffffff" + "00000000"
                        + "80000060" + "00000000" + "00000000" + "e8030000");
        assertThatThrownBy(() -> Requests.writeReg(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spiAttachHasAnExtraZeroWordOnlyForTheRom() {
        assertThat(hex(Requests.spiAttach(0, StatusDialect.ROM))).isEqualTo("000d080000000000" + "00".repeat(8));
        assertThat(hex(Requests.spiAttach(0, StatusDialect.STUB))).isEqualTo("000d040000000000" + "00".repeat(4));
    }

    @Test
    void spiSetParamsUsesEsptoolsGeometry() {
        assertThat(hex(Requests.spiSetParams(0x400000)))
                .isEqualTo("000b180000000000" + "00000000" + "00004000" + "00000100" + "00100000" + "00010000"
                        + "ffff0000");
    }

    @Test
    void flashBeginHasFourWordsForEsp32AndFiveWithTheEncryptedFlag() {
        assertThat(hex(Requests.flashBegin(0x1090, 5, 0x400, 0x1000)))
                .isEqualTo("0002100000000000" + "90100000" + "05000000" + "00040000" + "00100000");
        assertThat(hex(Requests.flashBegin(0x1000, 4, 0x400, 0x30000, true)))
                .isEqualTo("0002140000000000" + "00100000" + "04000000" + "00040000" + "00000300" + "01000000");
        assertThat(Requests.flashDeflBegin(0xc00, 3, 0x400, 0x10000).op()).isEqualTo(Opcode.FLASH_DEFL_BEGIN);
    }

    @Test
    void flashDataPadsWithFfAndChecksumsThePaddedBlock() {
        Request r = Requests.flashData(7, new byte[] {0x01, 0x02, (byte) 0xC0}, 8);
        // 0xEF ^ 01 ^ 02 ^ C0, then five 0xFF (an odd count, so one 0xFF survives) = 0xD3
        assertThat(r.checksum()).isEqualTo(0xEF ^ 0x01 ^ 0x02 ^ 0xC0 ^ 0xFF);
        assertThat(hex(r)).isEqualTo("00031800" + "d3000000"
                + "08000000" + "07000000" + "00000000" + "00000000" + "0102c0ffffffffff");
        assertThat(HEX.formatHex(r.toFrame())).contains("0102dbdcff");
        assertThatThrownBy(() -> Requests.flashData(0, new byte[9], 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deflateAndMemoryDataAreNotPadded() {
        Request r = Requests.flashDeflData(2, new byte[] {0x78, (byte) 0xDA});
        assertThat(r.data()).hasSize(18);
        assertThat(r.checksum()).isEqualTo(0xEF ^ 0x78 ^ 0xDA);
        assertThat(Requests.memData(0, new byte[5]).checksum()).isEqualTo(0xEF);
    }

    @Test
    void endCommandsCarryStayInLoaderAsOne() {
        assertThat(hex(Requests.flashEnd(false))).endsWith("01000000");
        assertThat(hex(Requests.flashEnd(true))).endsWith("00000000");
        assertThat(hex(Requests.flashDeflEnd(false))).isEqualTo("0012040000000000" + "01000000");
        assertThat(hex(Requests.memEnd(0x40080000))).endsWith("00000000" + "00000840");
        assertThat(hex(Requests.memEnd(0))).endsWith("01000000" + "00000000");
    }

    @Test
    void readAndVerifyCommands() {
        assertThat(hex(Requests.spiFlashMd5(0x10000, 0xa40)))
                .isEqualTo("0013100000000000" + "00000100" + "400a0000" + "00000000" + "00000000");
        assertThat(hex(Requests.readFlashSlow(0x10000, 64))).isEqualTo("000e080000000000" + "00000100" + "40000000");
        assertThatThrownBy(() -> Requests.readFlashSlow(0, 65)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hex(Requests.readFlash(0x10000, 0x2000, 0x1000, 64)))
                .isEqualTo("00d2100000000000" + "00000100" + "00200000" + "00100000" + "40000000");
    }

    @Test
    void remainingCommands() {
        assertThat(hex(Requests.changeBaudrate(460800, 0))).isEqualTo("000f080000000000" + "00080700" + "00000000");
        assertThat(hex(Requests.getSecurityInfo())).isEqualTo("0014000000000000");
        assertThat(hex(Requests.eraseFlash())).isEqualTo("00d0000000000000");
        assertThat(hex(Requests.eraseRegion(0x11000, 0x1000))).isEqualTo("00d1080000000000" + "00100100" + "00100000");
        assertThat(hex(Requests.memBegin(0x100, 1, Requests.MEM_BLOCK_SIZE, 0x40080000)))
                .isEqualTo("0005100000000000" + "00010000" + "01000000" + "00180000" + "00000840");
    }

    @Test
    void requestCopiesItsDataAndComparesByContent() {
        byte[] data = {1, 2, 3};
        Request a = new Request(Opcode.READ_REG, data);
        data[0] = 9;
        assertThat(a.data()[0]).isEqualTo((byte) 1);
        assertThat(a).isEqualTo(new Request(Opcode.READ_REG, new byte[] {1, 2, 3})).hasSameHashCodeAs(
                new Request(Opcode.READ_REG, new byte[] {1, 2, 3}));
        assertThat(a.toString()).contains("READ_REG (0x0A)", "010203");
        assertThatThrownBy(() -> new Request(Opcode.FLASH_DATA, new byte[0x10000]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opcodesRoundTripTheirWireByte() {
        for (Opcode op : Opcode.values()) {
            assertThat(Opcode.fromCode(op.code())).contains(op);
        }
        assertThat(Opcode.fromCode(0x01)).isEmpty();
        assertThat(Opcode.fromCode(0x100)).isEmpty();
        assertThat(Opcode.READ_FLASH.stubOnly()).isTrue();
        assertThat(Opcode.READ_FLASH_SLOW.stubOnly()).isFalse();
        assertThat(Opcode.describe(0x42)).isEqualTo("unknown op 0x42");
    }
}
