package io.fuseline.esp.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(write(spec)) gives back the spec, and what we write verifies under esptool's rules. */
class AppImagePropertiesTest {
    // Where the generator puts RAM segments and code: (DRAM base, IROM base) per chip.
    private static final Map<ImageChip, long[]> BASES = Map.of(
            ImageChip.ESP32, new long[] {0x3FFB0000L, 0x400D0000L},
            ImageChip.ESP32S3, new long[] {0x3FC90000L, 0x42000000L},
            ImageChip.ESP32C3, new long[] {0x3FC90000L, 0x42000000L},
            ImageChip.ESP32C6, new long[] {0x40810000L, 0x42010000L});

    @Property(tries = 200)
    void parseOfWriteGivesBackTheSpec(@ForAll("specs") ImageSpec spec) {
        AppImage image = AppImage.parse(AppImageWriter.write(spec));

        assertThat(image.verify()).isEmpty();
        assertThat(image.header()).isEqualTo(spec.header().withSegmentCount(image.segments().size()));
        assertThat(image.securePaddedV2()).isEqualTo(spec.securePadV2());
        List<ImageSpec.Segment> expected = spec.segments().stream()
                .sorted(Comparator.comparingLong(ImageSpec.Segment::loadAddress)).toList();
        List<ImageSpec.Segment> actual = ImageVectors.loadedSegments(image).stream()
                .sorted(Comparator.comparingLong(ImageSpec.Segment::loadAddress)).toList();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertSameSegment(spec.chip(), expected.get(i), actual.get(i));
        }
        if (spec.segments().stream().anyMatch(s -> s.loadAddress() == spec.chip().dromStart() + 0x20)) {
            assertThat(image.appDescriptor()).isPresent();
        }
    }

    @Property(tries = 100)
    void rewritingAParsedImageIsIdentity(@ForAll("specs") ImageSpec spec) {
        byte[] bytes = AppImageWriter.write(spec);

        assertThat(AppImageWriter.write(ImageVectors.specOf(AppImage.parse(bytes)))).isEqualTo(bytes);
    }

    private static void assertSameSegment(ImageChip chip, ImageSpec.Segment expected, ImageSpec.Segment actual) {
        assertThat(actual.loadAddress()).isEqualTo(expected.loadAddress());
        byte[] e = expected.data();
        byte[] a = actual.data();
        // the ESP32 layout may extend a flash segment with up to 0x24 zero bytes (bootloader workaround)
        int slack = chip == ImageChip.ESP32 && chip.isFlashMapped(expected.loadAddress()) ? 0x24 : 0;
        assertThat(a.length).isBetween(e.length, e.length + slack);
        assertThat(java.util.Arrays.copyOf(a, e.length)).isEqualTo(e);
        assertThat(java.util.Arrays.copyOfRange(a, e.length, a.length)).isEqualTo(new byte[a.length - e.length]);
    }

    @Provide
    Arbitrary<ImageSpec> specs() {
        return Arbitraries.of(ImageChip.values()).flatMap(chip -> Builders.withBuilder(() -> new Parts(chip))
                .use(Arbitraries.of(FlashMode.values())).in((p, v) -> p.with(() -> p.mode = v))
                .use(Arbitraries.of(FlashSize.values())).in((p, v) -> p.with(() -> p.size = v))
                .use(Arbitraries.of(FlashFrequency.values()).filter(f -> chip.frequencyNibble(f).isPresent()))
                .in((p, v) -> p.with(() -> p.frequency = v))
                .use(Arbitraries.integers().between(0, 0x3FFF).map(i -> chip.iramStart() + 4L * i))
                .in((p, v) -> p.with(() -> p.entry = v))
                .use(Arbitraries.integers().between(0, 399)).in((p, v) -> p.with(() -> p.minRev = v))
                .use(Arbitraries.integers().between(0, 0xFFFF)).in((p, v) -> p.with(() -> p.maxRev = v))
                .use(Arbitraries.integers().between(0, 2)).in((p, v) -> p.with(() -> p.hash = v))
                .use(segments(chip)).in((p, v) -> p.with(() -> p.segments = v))
                .build(Parts::spec));
    }

    private Arbitrary<List<ImageSpec.Segment>> segments(ImageChip chip) {
        Arbitrary<byte[]> small = Arbitraries.integers().between(0, 0x200).flatMap(n ->
                Arbitraries.bytes().array(byte[].class).ofSize(4 * n));
        Arbitrary<AppDescriptor> desc = Arbitraries.strings().alpha().ofMaxLength(31).tuple3()
                .flatMap(t -> Arbitraries.longs().between(0, 0xFFFF_FFFFL)
                        .map(sv -> AppDescriptor.of(t.get1(), t.get2(), sv)));
        long dram = BASES.get(chip)[0];
        long irom = BASES.get(chip)[1];
        return Builders.withBuilder(() -> new ArrayList<ImageSpec.Segment>())
                .use(desc.optional()).in((l, d) -> { d.ifPresent(x -> l.add(ImageSpec.Segment.appDescriptor(chip, x,
                        new byte[0]))); return l; })
                .use(small.list().ofMaxSize(3)).in((l, ds) -> {
                    for (int i = 0; i < ds.size(); i++) {
                        l.add(new ImageSpec.Segment(dram + 0x1000L * i, ds.get(i)));
                    }
                    return l; })
                .use(small.list().ofMaxSize(2)).in((l, ds) -> {
                    for (int i = 0; i < ds.size(); i++) {
                        l.add(new ImageSpec.Segment(chip.iramStart() + 0x1000L * i, ds.get(i)));
                    }
                    return l; })
                .use(Arbitraries.integers().between(0, 0x3FF).map(i -> i * 4).optional()).in((l, off) -> {
                    off.ifPresent(o -> l.add(new ImageSpec.Segment(irom + 0x20000 + o, new byte[64 + o % 256])));
                    return l; })
                .build(l -> List.copyOf(l));
    }

    /** Mutable holder the jqwik builder fills in. */
    private static final class Parts {
        final ImageChip chip;
        FlashMode mode;
        FlashSize size;
        FlashFrequency frequency;
        long entry;
        int minRev;
        int maxRev;
        int hash; // 0 none, 1 appended, 2 appended + secure pad
        List<ImageSpec.Segment> segments = List.of();

        Parts(ImageChip chip) {
            this.chip = chip;
        }

        Parts with(Runnable set) {
            set.run();
            return this;
        }

        ImageSpec spec() {
            return new ImageSpec(chip, mode, size, frequency, entry, minRev, maxRev, hash > 0, hash == 2, segments);
        }
    }
}
