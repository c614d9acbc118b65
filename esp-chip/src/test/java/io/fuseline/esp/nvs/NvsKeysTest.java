package io.fuseline.esp.nvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Key handling: the nvs_keys image, CRC checks, zeroizing, and a toString that never shows a key. */
class NvsKeysTest {

    @Test
    void toStringShowsAKeyCheckValueNeverAKey() {
        byte[] data = NvsVectors.counting(0x10);
        try (NvsKeys keys = NvsKeys.of(data, NvsVectors.counting(0x80))) {
            String text = keys.toString();
            assertThat(text).isEqualTo("NvsKeys[kcv=" + keys.keyCheckValue() + "]");
            assertThat(text.toLowerCase()).doesNotContain(HexFormat.of().formatHex(data, 0, 4));
            assertThat(keys.keyCheckValue()).hasSize(6);
        }
    }

    @Test
    void closeWipesTheKeysAndFurtherUseFails() {
        NvsKeys keys = NvsKeys.of(NvsVectors.counting(1), NvsVectors.counting(2));
        keys.close();
        assertThat(keys).hasToString("NvsKeys[closed]");
        assertThatThrownBy(keys::nvsKeysPartition).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NvsEncryption.encrypt(new byte[4096], keys)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysAreCopiedInAndOut() {
        byte[] data = NvsVectors.counting(0x10);
        try (NvsKeys keys = NvsKeys.of(data, NvsVectors.counting(0x80))) {
            data[0] = 0;
            keys.dataKey()[1] = 0;
            assertThat(keys.dataKey()).isEqualTo(NvsVectors.counting(0x10));
            assertThat(keys).isEqualTo(NvsKeys.fromPartition(keys.nvsKeysPartition()));
        }
    }

    @Test
    void aCorruptKeysPartitionIsRefused() {
        byte[] image = NvsVectors.bytes("nvs_keys.bin");
        image[5] ^= 1;
        assertThatThrownBy(() -> NvsKeys.fromPartition(image)).isInstanceOf(NvsException.class)
                .hasMessageContaining("CRC mismatch")
                .satisfies(e -> assertThat(((NvsException) e).problem()).isInstanceOf(NvsProblem.InvalidKeys.class));
    }

    @Test
    void keysAre32BytesEach() {
        assertThatThrownBy(() -> NvsKeys.of(new byte[16], new byte[32])).isInstanceOf(NvsException.class);
        assertThatThrownBy(() -> NvsKeys.fromPartition(new byte[64])).isInstanceOf(NvsException.class);
    }

    @Test
    void anEncryptedImageReadWithoutDecryptingReportsCorruptEntries() {
        assertThatThrownBy(() -> NvsPartitionReader.read(NvsVectors.bytes("nvs_encrypted.bin")))
                .isInstanceOf(NvsException.class).hasMessageContaining("entry CRC mismatch");
        try (NvsKeys wrong = NvsKeys.of(NvsVectors.counting(0x10), NvsVectors.counting(0x81))) {
            byte[] decrypted = NvsEncryption.decrypt(NvsVectors.bytes("nvs_encrypted.bin"), wrong);
            assertThatThrownBy(() -> NvsPartitionReader.read(decrypted)).isInstanceOf(NvsException.class);
        }
    }
}
