package io.fuseline.esp.nvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/** Round trips over random entry sets: generate then read, encrypt then decrypt, CSV and entry list alike. */
class NvsPropertiesTest {
    private static final int SIZE = 0x40000;

    @Provide
    Arbitrary<List<NvsEntry>> entriesV2() {
        return entries(6000, 600);
    }

    @Provide
    Arbitrary<List<NvsEntry>> entriesV1() {
        return entries(NvsFormat.V1_MAX_VARLEN, 400);
    }

    @Property(tries = 300)
    void readingAGeneratedV2PartitionGivesItsEntries(@ForAll("entriesV2") List<NvsEntry> entries) {
        byte[] image = NvsPartitionGenerator.generateEntries(entries, SIZE, NvsFormat.V2);
        assertThat(image).hasSize(SIZE);
        assertThat(NvsPartitionReader.read(image)).containsExactlyElementsOf(entries);
        assertThat(lastPage(image)).containsOnly((byte) 0xFF);
    }

    @Property(tries = 200)
    void readingAGeneratedV1PartitionGivesItsEntries(@ForAll("entriesV1") List<NvsEntry> entries) {
        byte[] image = NvsPartitionGenerator.generateEntries(entries, SIZE, NvsFormat.V1);
        assertThat(NvsPartitionReader.read(image)).containsExactlyElementsOf(entries);
    }

    @Property(tries = 200)
    void decryptUndoesEncrypt(@ForAll("entriesV2") List<NvsEntry> entries, @ForAll @Size(32) byte[] dataKey,
                              @ForAll @Size(32) byte[] tweakKey) {
        byte[] plain = NvsPartitionGenerator.generateEntries(entries, SIZE, NvsFormat.V2);
        try (NvsKeys keys = NvsKeys.of(dataKey, tweakKey)) {
            byte[] encrypted = NvsEncryption.encrypt(plain, keys);
            assertThat(NvsEncryption.decrypt(encrypted, keys)).isEqualTo(plain);
            assertThat(NvsPartitionReader.read(NvsEncryption.decrypt(encrypted, NvsKeys.fromPartition(
                    keys.nvsKeysPartition())))).containsExactlyElementsOf(entries);
            for (int page = 0; page < SIZE; page += NvsLayout.PAGE_SIZE) {
                // headers and bitmaps stay readable: the device finds its pages before it decrypts
                assertThat(Arrays.copyOfRange(encrypted, page, page + 64))
                        .isEqualTo(Arrays.copyOfRange(plain, page, page + 64));
            }
        }
    }

    @Property(tries = 200)
    void aCsvOfTheEntriesGivesTheSameImage(@ForAll("entriesV2") List<NvsEntry> entries) {
        byte[] fromCsv = NvsPartitionGenerator.generate(NvsCsv.parse(csv(entries)), SIZE, p -> null);
        assertThat(fromCsv).isEqualTo(NvsPartitionGenerator.generateEntries(entries, SIZE, NvsFormat.V2));
    }

    private static Arbitrary<List<NvsEntry>> entries(int maxBlob, int maxText) {
        Arbitrary<List<String>> namespaces = name(15).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
        Arbitrary<List<NvsValue>> values = value(maxBlob, maxText).list().ofMaxSize(25);
        Arbitrary<List<String>> keyStems = name(10).list().ofSize(25);
        return Combinators.combine(namespaces, values, keyStems, Arbitraries.randoms()).as((ns, vs, stems, random) -> {
            List<NvsEntry> out = new ArrayList<>();
            for (int i = 0; i < vs.size(); i++) {
                // the suffix keeps keys unique, as they are in a real partition
                out.add(new NvsEntry(ns.get(random.nextInt(ns.size())), stems.get(i) + "_" + i, vs.get(i)));
            }
            return out;
        });
    }

    private static Arbitrary<String> name(int maxLength) {
        return Arbitraries.strings().alpha().numeric().withChars('_', '.').ofMinLength(1).ofMaxLength(maxLength);
    }

    private static Arbitrary<NvsValue> value(int maxBlob, int maxText) {
        Arbitrary<NvsValue> ints = Arbitraries.of(NvsIntType.values()).flatMap(t -> Arbitraries.longs()
                .between(t.width() == 8 ? Long.MIN_VALUE : t.min().longValue(),
                        t.width() == 8 ? Long.MAX_VALUE : t.max().longValue())
                .map(v -> new NvsValue.Int(t, v)));
        Arbitrary<NvsValue> texts = Arbitraries.strings().withCharRange('a', 'z').withChars(" ,\"'#é€\u00ff")
                .ofMaxLength(maxText).map(NvsValue.Text::new);
        Arbitrary<NvsValue> blobs = Arbitraries.bytes().array(byte[].class).ofMaxSize(maxBlob).map(NvsValue.Blob::new);
        return Arbitraries.frequencyOf(Tuple.of(4, ints), Tuple.of(2, texts),
                Tuple.of(2, blobs));
    }

    /** The entries as the generator's CSV: one namespace row per switch, strings quoted, blobs as hex. */
    private static String csv(List<NvsEntry> entries) {
        StringBuilder out = new StringBuilder("key,type,encoding,value\n");
        String current = null;
        for (NvsEntry e : entries) {
            if (!e.namespace().equals(current)) {
                current = e.namespace();
                out.append(current).append(",namespace,,\n");
            }
            out.append(e.key()).append(",data,");
            NvsValue v = e.value();
            if (v instanceof NvsValue.Int i) {
                out.append(i.type().csvName()).append(',').append(i.number());
            } else if (v instanceof NvsValue.Text t) {
                out.append("string,\"").append(t.value().replace("\"", "\"\"")).append('"');
            } else {
                out.append("hex2bin,").append(HexFormat.of().formatHex(((NvsValue.Blob) v).bytes()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static byte[] lastPage(byte[] image) {
        return Arrays.copyOfRange(image, image.length - NvsLayout.PAGE_SIZE, image.length);
    }
}
