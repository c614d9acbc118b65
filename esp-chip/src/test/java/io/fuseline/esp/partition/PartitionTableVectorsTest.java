package io.fuseline.esp.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte-for-byte agreement with gen_esp32part.py on ESP-IDF's default tables and a custom one. */
class PartitionTableVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"singleapp", "two_ota", "singleapp_encr_nvs", "two_ota_encr_nvs", "singleapp_large",
            "two_ota_coredump", "custom"})
    void csvGivesTheToolsBinaryAndTheBinaryGivesTheSameTable(String name) {
        PartitionTable fromCsv = PartitionCsv.read(PartitionVectors.text(name + ".csv"));
        byte[] bin = PartitionVectors.bytes(name + ".bin");

        assertThat(fromCsv.toBytes()).isEqualTo(bin);
        assertThat(PartitionTable.parse(bin)).isEqualTo(fromCsv);
        assertThat(fromCsv.validate()).isEmpty();
    }

    @Test
    void tableOffsetMovesAutoPlacement() {
        PartitionTable table = PartitionCsv.read(PartitionVectors.text("singleapp.csv"), 0x10000);

        assertThat(table.toBytes()).isEqualTo(PartitionVectors.bytes("singleapp_offset10000.bin"));
        assertThat(table.validate(0x10000)).isEmpty();
        assertThat(table.nvs().orElseThrow().offset()).isEqualTo(0x11000);
        assertThat(table.factoryApp().orElseThrow().offset()).isEqualTo(0x20000);
    }

    @Test
    void tableWithoutMd5EntryParses() {
        assertThat(PartitionTable.parse(PartitionVectors.bytes("two_ota_nomd5.bin")))
                .isEqualTo(PartitionTable.parse(PartitionVectors.bytes("two_ota.bin")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"custom", "two_ota"})
    void binaryToCsvMatchesTheTool(String name) {
        PartitionTable table = PartitionTable.parse(PartitionVectors.bytes(name + ".bin"));

        assertThat(PartitionCsv.write(table)).isEqualTo(PartitionVectors.text(name + ".out.csv"));
        assertThat(PartitionCsv.read(PartitionCsv.write(table))).isEqualTo(table);
    }

    /**
     * The default "single factory app" table derived by hand from the format (not from the tool): nvs
     * data/nvs 0x9000+0x6000, phy_init data/phy 0xf000+0x1000, factory app/factory 0x10000+1M.
     */
    @Test
    void singleFactoryAppEntriesDerivedByHand() {
        String expected = ""
                + "aa50" + "01" + "02" + "00900000" + "00600000" + "6e7673" + "00".repeat(13) + "00000000"
                + "aa50" + "01" + "01" + "00f00000" + "00100000" + "7068795f696e6974" + "00".repeat(8) + "00000000"
                + "aa50" + "00" + "00" + "00000100" + "00001000" + "666163746f7279" + "00".repeat(9) + "00000000"
                + "ebeb" + "ff".repeat(14);
        byte[] table = PartitionCsv.read(PartitionVectors.text("singleapp.csv")).toBytes();

        assertThat(HexFormat.of().formatHex(table, 0, 0x70)).isEqualTo(expected);
        assertThat(table).hasSize(0xC00);
        for (int i = 0x80; i < table.length; i++) {
            assertThat(table[i]).as("padding at 0x%x", i).isEqualTo((byte) 0xFF);
        }
    }

    @Test
    void lookupsFindNvsKeysAndApps() {
        PartitionTable table = PartitionTable.parse(PartitionVectors.bytes("two_ota_encr_nvs.bin"));

        assertThat(table.nvs()).hasValueSatisfying(p -> {
            assertThat(p.offset()).isEqualTo(0x9000);
            assertThat(p.size()).isEqualTo(0x4000);
        });
        assertThat(table.nvsKeys()).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("nvs_key");
            assertThat(p.encrypted()).isTrue();
            assertThat(p.size()).isEqualTo(0x1000);
        });
        assertThat(table.factoryApp().orElseThrow().offset()).isEqualTo(0x10000);
        assertThat(table.otaApps()).extracting(PartitionEntry::name).containsExactly("ota_0", "ota_1");
        assertThat(table.otaData().orElseThrow().size()).isEqualTo(0x2000);
        assertThat(table.bootApp()).isEqualTo(table.factoryApp());
        assertThat(table.find("phy_init")).isPresent();
        assertThat(PartitionTable.parse(PartitionVectors.bytes("singleapp.bin")).nvsKeys()).isEmpty();
    }

    @Test
    void customTableKeepsFlagsAndCustomTypes() {
        PartitionTable table = PartitionTable.parse(PartitionVectors.bytes("custom.bin"));

        PartitionEntry blob = table.find("blob").orElseThrow();
        assertThat(blob.type()).isEqualTo(0x40);
        assertThat(blob.flags()).isEqualTo(3);
        assertThat(table.find("factory_nvs").orElseThrow().readonly()).isTrue();
        assertThat(table.find("misc").orElseThrow().subtype()).isEqualTo(PartitionTypes.DATA_UNDEFINED);
        assertThat(table.bootApp().orElseThrow().name()).isEqualTo("ota_0");
    }
}
