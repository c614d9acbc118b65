package io.fuseline.esp.nvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Page filling at its edges, size checks and the errors the generator raises for rows that cannot be written. */
class NvsPartitionGeneratorTest {
    private static final String HEADER = "key,type,encoding,value\n";

    private static byte[] generate(String csv, int size) {
        return NvsPartitionGenerator.generate(NvsCsv.parse(csv), size, p -> null);
    }

    private static NvsProblem problem(Runnable r) {
        Throwable t = catchThrowable(r::run);
        assertThat(t).isInstanceOf(NvsException.class);
        return ((NvsException) t).problem();
    }

    private static int u32(byte[] b, int off) {
        return NvsLayout.u32(b, off);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        Arrays.fill(b, (byte) 0x5A);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void sizeMustBeWholePagesAndAtLeast0x3000() {
        assertThat(problem(() -> generate(HEADER, 0x3800))).isInstanceOf(NvsProblem.InvalidSize.class);
        assertThat(problem(() -> generate(HEADER, 0x2000))).isEqualTo(new NvsProblem.InvalidSize(0x2000,
                "a read/write NVS partition needs at least 0x3000 bytes (two pages and one kept free)"));
    }

    @Test
    void anEmptyCsvGivesOneActiveEmptyPageAndErasedRest() {
        byte[] image = generate(HEADER, 0x3000);
        assertThat(u32(image, 0)).isEqualTo(NvsLayout.STATE_ACTIVE);
        assertThat(image[8] & 0xFF).isEqualTo(0xFE);
        assertThat(Arrays.copyOfRange(image, 32, 4096)).containsOnly((byte) 0xFF);
        assertThat(Arrays.copyOfRange(image, 4096, 0x3000)).containsOnly((byte) 0xFF);
    }

    @Test
    void dataThatDoesNotFitNamesItsRow() {
        // two data pages hold 2 x 125 x 32 bytes of blob minus headers: 8000 bytes cannot fit
        NvsProblem.InputError e = (NvsProblem.InputError) problem(() ->
                generate(HEADER + "ns,namespace,,\nsmall,data,u8,1\nbig,data,hex2bin," + hex(8000) + "\n", 0x3000));
        assertThat(e.reason()).isEqualTo(NvsProblem.Reason.DOES_NOT_FIT);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.message()).contains("'big'", "0x3000");
        assertThat(generate(HEADER + "ns,namespace,,\nbig,data,hex2bin," + hex(8000) + "\n", 0x4000)).hasSize(0x4000);
    }

    @Test
    void aMissingFileNamesItsRow() {
        NvsProblem.InputError e = (NvsProblem.InputError) problem(() ->
                generate(HEADER + "ns,namespace,,\ncert,file,binary,missing.pem\n", 0x3000));
        assertThat(e.reason()).isEqualTo(NvsProblem.Reason.FILE_UNREADABLE);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo("value");
    }

    @Test
    void fileRowsAreDecodedWithTheirEncoding() {
        Map<String, byte[]> files = Map.of("n.txt", "42\n".getBytes(), "h.txt", "0a0b\n".getBytes(), "s.txt",
                "text".getBytes());
        byte[] image = NvsPartitionGenerator.generate(NvsCsv.parse(HEADER
                + "ns,namespace,,\nn,file,u32,n.txt\nh,file,hex2bin,h.txt\ns,file,string,s.txt\n"), 0x3000, files::get);
        assertThat(NvsPartitionReader.read(image)).containsExactly(
                new NvsEntry("ns", "n", new NvsValue.Int(NvsIntType.U32, 42)),
                new NvsEntry("ns", "h", new NvsValue.Blob(new byte[] {10, 11})),
                new NvsEntry("ns", "s", new NvsValue.Text("text")));
    }

    @Test
    void aStringThatWouldFillThePageExactlyStartsTheNextPage() {
        // namespace (1 entry) + string of 3968 bytes with NUL (1 + 124 entries) = 126: the tool wants one to spare
        String s = "x".repeat(3967);
        byte[] image = generate(HEADER + "ns,namespace,,\ns,data,string," + s + "\n", 0x3000);
        assertThat(u32(image, 0)).isEqualTo(NvsLayout.STATE_FULL);
        assertThat(u32(image, 4096)).isEqualTo(NvsLayout.STATE_ACTIVE);
        assertThat(image[4096 + 64 + 1]).isEqualTo((byte) NvsLayout.TYPE_SZ);
        assertThat(image[4096 + 64 + 2] & 0xFF).isEqualTo(125);
        assertThat(NvsPartitionReader.read(image)).containsExactly(new NvsEntry("ns", "s", new NvsValue.Text(s)));
    }

    @Test
    void stringsAndV1BlobsAboveThePageLimitAreRefused() {
        NvsProblem.InputError e = (NvsProblem.InputError) problem(() ->
                generate(HEADER + "ns,namespace,,\ns,data,string," + "x".repeat(3968) + "\n", 0x3000));
        assertThat(e.reason()).isEqualTo(NvsProblem.Reason.TOO_LARGE);
        assertThat(e.line()).isEqualTo(3);
        NvsProblem.InputError v1 = (NvsProblem.InputError) problem(() -> NvsPartitionGenerator.generate(
                NvsCsv.parse(HEADER + "ns,namespace,,\nb,data,hex2bin," + hex(1985) + "\n"), 0x3000, NvsFormat.V1,
                p -> null));
        assertThat(v1.reason()).isEqualTo(NvsProblem.Reason.TOO_LARGE);
    }

    @Test
    void aBlobEndingAtThePageEndPutsItsIndexOnTheNextPage() {
        // namespace at entry 0, chunk header at 1, 124 data entries fill the page to 126
        byte[] image = generate(HEADER + "ns,namespace,,\nb,data,hex2bin," + hex(124 * 32) + "\n", 0x3000);
        assertThat(image[64 + 32 + 1]).isEqualTo((byte) NvsLayout.TYPE_BLOB_DATA);
        assertThat(image[64 + 32 + 2] & 0xFF).isEqualTo(125);
        assertThat(u32(image, 0)).isEqualTo(NvsLayout.STATE_FULL);
        assertThat(image[4096 + 64 + 1]).isEqualTo((byte) NvsLayout.TYPE_BLOB_IDX);
        assertThat(image[4096 + 64 + 28]).isEqualTo((byte) 1);
    }

    @Test
    void aBlobStartingInThePagesLastEntryWritesAnEmptyFirstChunk() {
        // 1 namespace + 124 integers leave entry 125: the tool writes a zero-length chunk there
        StringBuilder csv = new StringBuilder(HEADER + "ns,namespace,,\n");
        for (int i = 0; i < 124; i++) {
            csv.append("k").append(i).append(",data,u8,").append(i).append('\n');
        }
        byte[] image = generate(csv + "b,data,hex2bin,0102\n", 0x3000);
        int last = 64 + 125 * 32;
        assertThat(image[last + 1]).isEqualTo((byte) NvsLayout.TYPE_BLOB_DATA);
        assertThat(image[last + 2]).isEqualTo((byte) 1);
        assertThat(NvsLayout.u16(image, last + 24)).isZero();
        assertThat(image[4096 + 64 + 3]).isEqualTo((byte) 1); // chunk index 1 on the next page
        List<NvsEntry> read = NvsPartitionReader.read(image);
        assertThat(read.get(124)).isEqualTo(new NvsEntry("ns", "b", new NvsValue.Blob(new byte[] {1, 2})));
    }

    @Test
    void reopeningANamespaceWritesIntoIt() {
        byte[] image = generate(HEADER + "a,namespace,,\nx,data,u8,1\nb,namespace,,\ny,data,u8,2\n"
                + "a,namespace,,\nz,data,u8,3\n", 0x3000);
        assertThat(NvsPartitionReader.read(image)).extracting(NvsEntry::namespace).containsExactly("a", "b", "a");
    }

    @Test
    void csvAndEntryListsGiveTheSameImage() {
        List<NvsEntry> entries = List.of(new NvsEntry("n1", "a", new NvsValue.Int(NvsIntType.I16, -5)),
                new NvsEntry("n2", "b", new NvsValue.Text("hi")), new NvsEntry("n1", "c", new NvsValue.Blob(new byte[3])));
        byte[] fromCsv = generate(HEADER + "n1,namespace,,\na,data,i16,-5\nn2,namespace,,\nb,data,string,hi\n"
                + "n1,namespace,,\nc,data,hex2bin,000000\n", 0x5000);
        assertThat(NvsPartitionGenerator.generateEntries(entries, 0x5000, NvsFormat.V2)).isEqualTo(fromCsv);
    }
}
