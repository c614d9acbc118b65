package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes every {@code *.regs.bin} that has an espefuse {@code summary --format json} and compares field by field.
 *
 * <p>Compared: {@code readable} and {@code writeable} of every field in our table; bool and raw uint values;
 * {@code bytes} values as hex in memory order; "??" (not readable) against our readable flag; MAC text;
 * KEY_PURPOSE_n names; SPI_BOOT_CRYPT_CNT "Enable"/"Disable" against our flash-encryption state; ESP32
 * CODING_SCHEME text. Not compared, because espefuse prints a meaning from its YAML dictionaries or a computed
 * value that is not in our tables: other string values ("Enable", "None", "No calib", "1.8V", "40000", ...),
 * ESP32 ADC_VREF (espefuse prints millivolts computed from the raw bits), fields espefuse computes from several
 * others (pos = null, e.g. WAFER_VERSION_MINOR, PSRAM_CAPACITY) and fields not in our tables (ESP32 BLOCK3 as a
 * whole: compared against our block data instead).
 */
class EfuseDecoderTest {
    /** espefuse prints these as converted values, not raw bits. */
    private static final Set<String> CONVERTED = Set.of("ADC_VREF");

    static Stream<EfuseVectors.Step> stepsWithSummary() {
        return EfuseVectors.allSteps().stream().filter(s -> s.summaryJson().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepsWithSummary")
    @SuppressWarnings("unchecked")
    void decodeMatchesEspefuseSummary(EfuseVectors.Step step) {
        EfuseSummary summary = EfuseDecoder.decode(step.registers());
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(step.summaryJson().orElseThrow());
        List<String> compared = new ArrayList<>();
        json.forEach((name, entry) -> {
            Map<String, Object> e = (Map<String, Object>) entry;
            Object value = e.get("value");
            if (summary.field(name).isEmpty()) {
                compareBlock(step, summary, name, e, value);
                return;
            }
            DecodedField f = summary.field(name).orElseThrow();
            assertThat(f.readable()).as(name + " readable").isEqualTo(e.get("readable"));
            assertThat(f.writeable()).as(name + " writeable").isEqualTo(e.get("writeable"));
            if (e.get("pos") == null || CONVERTED.contains(name)) {
                return;
            }
            if (compareValue(summary, f, value)) {
                compared.add(name);
            }
        });
        assertThat(compared).as("fields compared by value").hasSizeGreaterThan(30);
    }

    private static boolean compareValue(EfuseSummary summary, DecodedField f, Object value) {
        String name = f.field().name();
        FieldValue v = f.value();
        if (value instanceof Boolean b) {
            assertThat(v).as(name).isEqualTo(new FieldValue.Flag(b));
        } else if (value instanceof Long l) {
            assertThat(v).as(name).isEqualTo(new FieldValue.Number(l));
        } else if (value instanceof String s && s.startsWith("??")) {
            assertThat(f.readable()).as(name + " unreadable").isFalse();
        } else if (value instanceof String s && v instanceof FieldValue.Mac mac) {
            assertThat(mac.espefuseText()).as(name).isEqualTo(s);
        } else if (value instanceof String s && v instanceof FieldValue.Bytes bytes) {
            assertThat(bytes.hex()).as(name).isEqualTo(s);
        } else if (value instanceof String s && name.startsWith("KEY_PURPOSE_")) {
            long raw = ((FieldValue.Number) v).value();
            assertThat(KeyPurpose.fromEfuseValue((int) raw).orElseThrow().name()).as(name).isEqualTo(s);
        } else if (value instanceof String s && name.equals("SPI_BOOT_CRYPT_CNT")) {
            assertThat(summary.flashEncryption().enabled() ? "Enable" : "Disable").as(name).isEqualTo(s);
        } else if (value instanceof String s && name.equals("CODING_SCHEME")) {
            String expected = summary.codingScheme() == CodingScheme.ESP32_3_4 ? "3/4 (BLK1-3 len=192 bits)"
                    : "NONE (BLK1-3 len=256 bits)";
            assertThat(expected).as(name).isEqualTo(s);
        } else {
            return false;
        }
        return true;
    }

    private static void compareBlock(EfuseVectors.Step step, EfuseSummary summary, String name,
                                     Map<String, Object> e, Object value) {
        EfuseChip chip = step.chip();
        if (chip.block(name).isEmpty() || !(value instanceof String s)) {
            return;
        }
        EfuseSummary.BlockState block = summary.block(chip.block(name).orElseThrow().index());
        assertThat(!block.readProtected()).as(name + " readable").isEqualTo(e.get("readable"));
        assertThat(!block.writeProtected()).as(name + " writeable").isEqualTo(e.get("writeable"));
        if (!s.startsWith("??")) {
            assertThat(block.data().hex()).as(name).isEqualTo(s);
        }
    }

    @Test
    void esp32ScenarioEndStateIsFlashEncryptionDisabledByEvenCountSecureBootV2On() {
        EfuseSummary s = EfuseDecoder.decode(EfuseVectors.steps("esp32").get(10).registers());
        assertThat(s.flashEncryption().counter()).isEqualTo(3);
        assertThat(s.flashEncryption().enabled()).isFalse();
        assertThat(s.flashEncryption().writeProtected()).isTrue();
        assertThat(s.secureBoot().v2Enabled()).isTrue();
        assertThat(s.block(1).readProtected()).isTrue();
        assertThat(s.block(1).readsEmpty()).isTrue();
        assertThat(s.block(2).writeProtected()).isTrue();
        assertThat(s.field("UART_DOWNLOAD_DIS").orElseThrow().writeable()).isFalse();
    }

    @Test
    void s3KeyBlocksCarryTheirPurposesAndProtection() {
        EfuseSummary s = EfuseDecoder.decode(EfuseVectors.steps("esp32s3").get(12).registers());
        assertThat(s.keyBlocks()).extracting(k -> k.purpose().orElseThrow()).containsExactly(
                KeyPurpose.XTS_AES_128_KEY, KeyPurpose.XTS_AES_256_KEY_1, KeyPurpose.XTS_AES_256_KEY_2,
                KeyPurpose.SECURE_BOOT_DIGEST0, KeyPurpose.HMAC_UP, KeyPurpose.USER);
        assertThat(s.keyBlocks()).extracting(EfuseSummary.KeyBlockState::readProtected)
                .containsExactly(true, false, false, false, true, false);
        assertThat(s.keyBlocks()).extracting(EfuseSummary.KeyBlockState::purposeWriteProtected)
                .containsExactly(true, true, true, true, true, false);
        assertThat(s.flashEncryption().enabled()).isTrue();
        assertThat(s.secureBoot().v2Enabled()).isTrue();
        assertThat(s.codingScheme()).isEqualTo(CodingScheme.REED_SOLOMON);
    }

    @Test
    void factoryMacsDecodeInEsptoolOrderWithTheEsp32Crc() {
        EfuseSummary e32 = EfuseDecoder.decode(EfuseRegisters.fromVirtualFile(EfuseChip.of(ChipFamily.ESP32),
                EfuseVectors.bytes("esp32_factory.virt.bin")));
        FieldValue.Mac mac = (FieldValue.Mac) e32.value("MAC");
        assertThat(mac.espefuseText()).isEqualTo("24:0a:c4:12:34:56 (CRC 0xf5 OK)");
        EfuseSummary s3 = EfuseDecoder.decode(EfuseRegisters.fromVirtualFile(EfuseChip.of(ChipFamily.ESP32S3),
                EfuseVectors.bytes("esp32s3_factory.virt.bin")));
        assertThat(((FieldValue.Mac) s3.value("MAC")).espefuseText()).isEqualTo("7c:df:a1:00:11:22 (OK)");
    }

    @Test
    void virtualFilesAreTheReversedMemoryImage() {
        for (EfuseVectors.Step step : EfuseVectors.allSteps()) {
            byte[] virt = EfuseVectors.bytes(step.scenario() + "/" + step.snapshot() + ".virt.bin");
            EfuseRegisters r = EfuseRegisters.fromVirtualFile(step.chip(), virt);
            assertThat(r).as(step.toString()).isEqualTo(step.registers());
            assertThat(r.toVirtualFile()).isEqualTo(virt);
        }
    }
}
