package io.fuseline.station.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET_SECURITY_INFO and SPI_FLASH_MD5 payloads, and the error table. */
class PayloadParsingTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void securityInfoOfAnS3WithSecureBootAndSecureDownload() throws Exception {
        // flags = SECURE_BOOT_EN | SECURE_DOWNLOAD_ENABLE | HARD_DIS_JTAG, crypt cnt 0b001, purposes 9 and 4
        byte[] payload = HEX.parseHex("85000000" + "01" + "09040000000000" + "09000000" + "00000000");
        SecurityInfo info = SecurityInfo.parse(payload);

        assertThat(info.flagSet()).containsExactly(SecurityInfo.Flag.SECURE_BOOT_EN,
                SecurityInfo.Flag.SECURE_DOWNLOAD_ENABLE, SecurityInfo.Flag.HARD_DIS_JTAG);
        assertThat(info.secureDownload()).isTrue();
        assertThat(info.flashEncryptionEnabled()).isTrue();
        assertThat(info.keyPurposes()).containsExactly(9, 4, 0, 0, 0, 0, 0);
        assertThat(info.chipId()).hasValue(9);
        assertThat(info.apiVersion()).hasValue(0);
    }

    @Test
    void securityInfoOfAnS2HasNoChipId() throws Exception {
        SecurityInfo info = SecurityInfo.parse(HEX.parseHex("00000000" + "03" + "00000000000000"));
        assertThat(info.chipId()).isEmpty();
        assertThat(info.flashEncryptionEnabled()).as("two bits set: disabled again").isFalse();
    }

    @Test
    void securityInfoOfAnyOtherLengthIsUnexpected() {
        assertThatThrownBy(() -> SecurityInfo.parse(new byte[16])).isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void romAndStubMd5ParseToTheSameDigest() throws Exception {
        String hex = "9c1e2d943f39734cda377c9c65261582";
        FlashMd5 rom = FlashMd5.parse(hex.getBytes(StandardCharsets.US_ASCII), StatusDialect.ROM);
        FlashMd5 stub = FlashMd5.parse(HEX.parseHex(hex), StatusDialect.STUB);

        assertThat(rom).isEqualTo(stub).hasSameHashCodeAs(stub);
        assertThat(rom.hex()).isEqualTo(hex);
        assertThat(rom.digest()).hasSize(16);
    }

    @Test
    void malformedMd5PayloadsAreUnexpected() {
        assertThatThrownBy(() -> FlashMd5.parse(new byte[16], StatusDialect.ROM))
                .isInstanceOf(UnexpectedResponseException.class);
        assertThatThrownBy(() -> FlashMd5.parse("zz".repeat(16).getBytes(StandardCharsets.US_ASCII),
                StatusDialect.ROM)).isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("hex");
        assertThatThrownBy(() -> FlashMd5.parse(new byte[32], StatusDialect.STUB))
                .isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void errorTableCoversRomAndStubCodesWithoutOverlap() {
        List<Integer> documented = List.of(0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
                0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xFF);
        for (int code = 0; code < 256; code++) {
            int c = code;
            long owners = Arrays.stream(RomError.values()).filter(e -> e.covers(c)).count();
            assertThat(owners).as("code 0x%02x", code).isEqualTo(documented.contains(code) ? 1 : 0);
        }
        Set<String> texts = new HashSet<>();
        for (RomError e : RomError.values()) {
            assertThat(e.text()).isNotBlank();
            assertThat(texts.add(e.text())).as("unique text for %s", e).isTrue();
        }
        assertThat(RomError.describe(0x05))
                .isEqualTo("0x05: Received message is invalid (parameters or length field is invalid)");
        assertThat(RomError.describe(0x06)).isEqualTo("0x06: Failed to act on received message");
        assertThat(RomError.describe(0x42)).isEqualTo("0x42: Unknown loader error");
        assertThat(RomError.fromCode(0x67)).contains(RomError.PARAMETER_ERROR);
    }

    @Test
    void onlyTransitCorruptionAndFlashIoAreRetriable() {
        assertThat(Arrays.stream(RomError.values()).filter(RomError::retriable))
                .containsExactlyInAnyOrder(RomError.INVALID_CRC, RomError.FLASH_WRITE_ERROR,
                        RomError.FLASH_READ_ERROR, RomError.STUB_BAD_DATA_LENGTH, RomError.STUB_BAD_DATA_CHECKSUM,
                        RomError.STUB_FAILED_SPI_OP);
        assertThat(new CommandFailedException(Opcode.SYNC, 1, 0x42).retriable()).isFalse();
        assertThat(new CommandFailedException(Opcode.SYNC, 1, 0x42).errorText()).isEqualTo("Unknown loader error");
    }
}
