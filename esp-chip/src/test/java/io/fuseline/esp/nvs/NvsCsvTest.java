package io.fuseline.esp.nvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generator's CSV: what it accepts, and errors that name the line and column. */
class NvsCsvTest {
    private static final String HEADER = "key,type,encoding,value\n";

    private static NvsProblem.InputError error(String csv) {
        Throwable t = catchThrowable(() -> NvsCsv.parse(csv));
        assertThat(t).isInstanceOf(NvsException.class);
        return (NvsProblem.InputError) ((NvsException) t).problem();
    }

    @Test
    void readsEveryRowKindSkippingCommentsAndBlankLines() {
        List<NvsEntrySpec> rows = NvsCsv.parse("\uFEFF# a comment\r\n" + HEADER + "\nns,namespace,,\n"
                + "a,data,u16,\" 60000 \"\n# between\nb,file,binary,sub/b.bin\nc,data,string,\"x,\"\"y\"\"\"\n");
        assertThat(rows).containsExactly(
                new NvsEntrySpec.Namespace(4, "ns"),
                new NvsEntrySpec.Data(5, "a", new NvsValue.Int(NvsIntType.U16, 60000)),
                new NvsEntrySpec.File(7, "b", NvsEncoding.BINARY, "sub/b.bin"),
                new NvsEntrySpec.Data(8, "c", new NvsValue.Text("x,\"y\"")));
    }

    @Test
    void columnsMayComeInAnyOrderAndEncodingsInAnyCase() {
        List<NvsEntrySpec> rows = NvsCsv.parse("value,encoding,type,key\n,,namespace,ns\nAQI=,BASE64,data,k\n");
        assertThat(rows.get(1)).isEqualTo(new NvsEntrySpec.Data(3, "k", new NvsValue.Blob(new byte[] {1, 2})));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "k,blob,binary,x          | UNKNOWN_TYPE     | type",
        "k,data,u128,1            | UNKNOWN_ENCODING | encoding",
        "k,data,u8,256            | OUT_OF_RANGE     | value",
        "k,data,u8,-1             | OUT_OF_RANGE     | value",
        "k,data,i8,-129           | OUT_OF_RANGE     | value",
        "k,data,u16,65536         | OUT_OF_RANGE     | value",
        "k,data,i16,32768         | OUT_OF_RANGE     | value",
        "k,data,u32,4294967296    | OUT_OF_RANGE     | value",
        "k,data,i32,-2147483649   | OUT_OF_RANGE     | value",
        "k,data,u64,18446744073709551616 | OUT_OF_RANGE | value",
        "k,data,i64,9223372036854775808  | OUT_OF_RANGE | value",
        "k,data,u8,0x10           | INVALID_VALUE    | value",
        "k,data,i32,              | INVALID_VALUE    | value",
        "k,data,hex2bin,abc       | INVALID_VALUE    | value",
        "k,data,hex2bin,zz        | INVALID_VALUE    | value",
        "k,data,base64,A          | INVALID_VALUE    | value",
        "k,file,binary,           | INVALID_VALUE    | value",
        "sixteen_chars_xx,data,u8,1 | KEY_TOO_LONG   | key",
        ",data,u8,1               | INVALID_VALUE    | key",
    })
    void badRowsNameTheirLineAndColumn(String row, NvsProblem.Reason reason, String column) {
        NvsProblem.InputError e = error(HEADER + "# comment\nns,namespace,,\n" + row + "\n");
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.message()).startsWith("NVS CSV line 4, column '" + column + "': ");
    }

    @Test
    void outOfRangeMessageGivesTheRange() {
        assertThat(error(HEADER + "ns,namespace,,\nk,data,u8,300\n").message())
                .isEqualTo("NVS CSV line 3, column 'value': value 300 is out of range for u8 (0..255)");
    }

    @Test
    void integerExtremesAreAccepted() {
        List<NvsEntrySpec> rows = NvsCsv.parse(HEADER + "ns,namespace,,\na,data,u64,18446744073709551615\n"
                + "b,data,i64,-9223372036854775808\nc,data,i8,+1_0\n");
        assertThat(rows.subList(1, 4)).extracting(r -> ((NvsEntrySpec.Data) r).value()).containsExactly(
                new NvsValue.Int(NvsIntType.U64, -1L),
                new NvsValue.Int(NvsIntType.I64, Long.MIN_VALUE),
                new NvsValue.Int(NvsIntType.I8, 10));
    }

    @Test
    void aDataRowBeforeAnyNamespaceIsRefused() {
        NvsProblem.InputError e = error(HEADER + "k,data,u8,1\n");
        assertThat(e.reason()).isEqualTo(NvsProblem.Reason.NO_NAMESPACE);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void atMost254NamespacesFit() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < NvsCsv.MAX_NAMESPACES; i++) {
            csv.append("ns").append(i).append(",namespace,,\n");
        }
        assertThat(NvsCsv.parse(csv + "ns0,namespace,,\n")).hasSize(255); // re-opening one is no new namespace
        NvsProblem.InputError e = error(csv + "one_more,namespace,,\n");
        assertThat(e.reason()).isEqualTo(NvsProblem.Reason.TOO_MANY_NAMESPACES);
        assertThat(e.line()).isEqualTo(256);
        assertThat(e.column()).isEqualTo("key");
    }

    @Test
    void theHeaderMustNameAllFourColumns() {
        NvsProblem.InputError e = error("key,type,value\nns,namespace,\n");
        assertThat(e.reason()).isEqualTo(NvsProblem.Reason.BAD_HEADER);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo("encoding");
    }

    @Test
    void anUnterminatedQuoteIsRefused() {
        assertThat(error(HEADER + "ns,namespace,,\nk,data,string,\"open\n").line()).isEqualTo(3);
    }
}
