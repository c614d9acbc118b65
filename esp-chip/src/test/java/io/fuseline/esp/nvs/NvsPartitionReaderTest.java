package io.fuseline.esp.nvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reader refuses damaged images with the offset of the damage. */
class NvsPartitionReaderTest {

    private static NvsProblem.Corrupt corrupt(byte[] image) {
        Throwable t = catchThrowable(() -> NvsPartitionReader.read(image));
        assertThat(t).isInstanceOf(NvsException.class);
        return (NvsProblem.Corrupt) ((NvsException) t).problem();
    }

    @Test
    void aDamagedPageHeaderIsReported() {
        byte[] image = NvsVectors.bytes("nvs_plain.bin");
        image[4096 + 4] ^= 1;
        assertThat(corrupt(image).offset()).isEqualTo(4096 + 28);
    }

    @Test
    void aDamagedEntryIsReported() {
        byte[] image = NvsVectors.bytes("nvs_plain.bin");
        image[64 + 46 * 32 + 24] ^= 1; // u8val's value
        assertThat(corrupt(image).offset()).isEqualTo(64 + 46 * 32);
    }

    @Test
    void damagedBlobDataIsReported() {
        byte[] image = NvsVectors.bytes("nvs_plain.bin");
        image[4096 + 64 + 32 + 100] ^= 1; // inside chunk 1 of 'big'
        assertThat(corrupt(image).detail()).contains("data CRC mismatch", "big");
    }

    @Test
    void erasedItemsAreSkipped() {
        byte[] image = NvsVectors.bytes("nvs_plain.bin");
        // erase u8val (entry 46): state 00 in the bitmap
        image[32 + 46 / 4] &= (byte) ~(3 << (46 % 4 * 2));
        assertThat(NvsPartitionReader.read(image)).extracting(NvsEntry::key).doesNotContain("u8val").contains("i8val");
    }

    @Test
    void uninitialisedPagesAreSkipped() {
        byte[] image = new byte[0x3000];
        Arrays.fill(image, (byte) 0xFF);
        assertThat(NvsPartitionReader.read(image)).isEmpty();
    }

    @Test
    void pagesAreReadInSequenceOrderWhereverTheyLie() {
        byte[] image = NvsVectors.bytes("nvs_plain.bin");
        byte[] swapped = image.clone();
        System.arraycopy(image, 0, swapped, 4096, 4096);
        System.arraycopy(image, 4096, swapped, 0, 4096);
        assertThat(NvsPartitionReader.read(swapped)).isEqualTo(NvsPartitionReader.read(image));
    }
}
