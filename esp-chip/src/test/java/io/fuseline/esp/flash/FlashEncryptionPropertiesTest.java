package io.fuseline.esp.flash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants over random keys, data and 16-byte-aligned addresses, for all three modes. */
class FlashEncryptionPropertiesTest {

    @Provide
    Arbitrary<byte[]> data() {
        return Arbitraries.integers().between(0, 40).flatMap(blocks ->
                Arbitraries.bytes().array(byte[].class).ofSize(blocks * 16));
    }

    @Provide
    Arbitrary<Long> esp32Address() {
        return Arbitraries.longs().between(0, (0x1000000L - 40 * 16) / 16).map(a -> a * 16);
    }

    @Provide
    Arbitrary<Long> address() {
        return Arbitraries.longs().between(0, (0x1_0000_0000L - 40 * 16) / 16).map(a -> a * 16);
    }

    @Provide
    Arbitrary<byte[]> esp32Key() {
        return Arbitraries.of(24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Provide
    Arbitrary<byte[]> xtsKey() {
        return Arbitraries.of(32, 64).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Property
    void esp32RoundTrips(@ForAll("esp32Key") byte[] key, @ForAll @IntRange(max = 15) int conf,
                         @ForAll("esp32Address") long address, @ForAll("data") byte[] plaintext) {
        try (FlashEncryption fe = FlashEncryption.esp32(key, conf)) {
            byte[] ciphertext = fe.encrypt(address, plaintext);
            assertThat(fe.decrypt(address, ciphertext)).isEqualTo(plaintext);
            assertRoundTripsInPlaceAndInPieces(fe, address, plaintext, ciphertext);
        }
    }

    @Property
    void esp32ChipAndEspsecureModesAgreeBelow16Mb(@ForAll("esp32Key") byte[] key, @ForAll @IntRange(max = 15) int conf,
                                                  @ForAll("esp32Address") long address, @ForAll("data") byte[] plaintext) {
        try (FlashEncryption chip = FlashEncryption.esp32(key, conf);
             FlashEncryption espsecure = FlashEncryption.esp32EspsecureCompatible(key, conf)) {
            assertThat(espsecure.encrypt(address, plaintext)).isEqualTo(chip.encrypt(address, plaintext));
        }
    }

    @Property
    void esp32EspsecureModeRoundTripsAbove16Mb(@ForAll @Size(32) byte[] key, @ForAll("address") long address,
                                               @ForAll("data") byte[] plaintext) {
        try (FlashEncryption fe = FlashEncryption.esp32EspsecureCompatible(key, 0xF)) {
            assertThat(fe.decrypt(address, fe.encrypt(address, plaintext))).isEqualTo(plaintext);
        }
    }

    @Property
    void xtsRoundTrips(@ForAll("xtsKey") byte[] key, @ForAll("address") long address, @ForAll("data") byte[] plaintext) {
        try (FlashEncryption fe = FlashEncryption.xts(key)) {
            byte[] ciphertext = fe.encrypt(address, plaintext);
            assertThat(fe.decrypt(address, ciphertext)).isEqualTo(plaintext);
            assertRoundTripsInPlaceAndInPieces(fe, address, plaintext, ciphertext);
        }
    }

    @Property
    void derivedXtsRoundTrips(@ForAll @Size(16) byte[] key, @ForAll("address") long address,
                              @ForAll("data") byte[] plaintext) {
        try (FlashEncryption fe = FlashEncryption.xtsDerivedFrom128(key)) {
            assertThat(fe.decrypt(address, fe.encrypt(address, plaintext))).isEqualTo(plaintext);
        }
    }

    /** Whole batches of units (the fast path) give what 16 bytes at a time (the partial-unit path) give. */
    @Property(tries = 25)
    void xtsBatchesMatchBlockByBlock(@ForAll("xtsKey") byte[] key, @ForAll("address") long address,
                                     @ForAll @IntRange(max = 1200) int blocks, @ForAll long seed) {
        byte[] plaintext = new byte[16 * 64 * 8 + blocks * 16];
        new java.util.Random(seed).nextBytes(plaintext);
        long start = Math.min(address, FlashEncryption.ADDRESS_LIMIT - plaintext.length);
        try (FlashEncryption fe = FlashEncryption.xts(key)) {
            byte[] whole = fe.encrypt(start, plaintext);
            byte[] blockwise = new byte[plaintext.length];
            for (int i = 0; i < plaintext.length; i += 16) {
                fe.encrypt(start + i, plaintext, i, 16, blockwise, i);
            }
            assertThat(whole).isEqualTo(blockwise);
        }
    }

    /** Streaming: any 16-byte-aligned split, and in-place processing, give the one-shot bytes. */
    private static void assertRoundTripsInPlaceAndInPieces(FlashEncryption fe, long address, byte[] plaintext,
                                                           byte[] ciphertext) {
        byte[] buf = plaintext.clone();
        fe.encrypt(address, buf, 0, buf.length, buf, 0);
        assertThat(buf).isEqualTo(ciphertext);
        fe.decrypt(address, buf, 0, buf.length, buf, 0);
        assertThat(buf).isEqualTo(plaintext);

        int split = (plaintext.length / 16 / 3) * 16;
        byte[] pieces = new byte[plaintext.length + 32];
        fe.encrypt(address, plaintext, 0, split, pieces, 16);
        fe.encrypt(address + split, plaintext, split, plaintext.length - split, pieces, 16 + split);
        assertThat(Arrays.copyOfRange(pieces, 16, 16 + plaintext.length)).isEqualTo(ciphertext);
    }
}
