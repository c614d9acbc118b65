package io.fuseline.esp.nvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-for-byte parity with nvs_partition_gen.py (esp-idf-nvs-partition-gen 0.2.0) on every NVS vector. */
class NvsVectorsTest {
    private static final int SIZE = 0x6000;

    private static NvsKeys knownKeys() {
        return NvsKeys.of(NvsVectors.counting(0x10), NvsVectors.counting(0x80));
    }

    @Test
    void plainV2PartitionMatchesGenerate() {
        byte[] image = NvsPartitionGenerator.generate(NvsVectors.csv("input.csv"), SIZE, NvsVectors.resolver());
        assertThat(image).isEqualTo(NvsVectors.bytes("nvs_plain.bin"));
    }

    @Test
    void plainV1PartitionMatchesGenerateVersion1() {
        byte[] image = NvsPartitionGenerator.generate(NvsVectors.csv("input_v1.csv"), 0x3000, NvsFormat.V1,
                NvsVectors.resolver());
        assertThat(image).isEqualTo(NvsVectors.bytes("nvs_plain_v1.bin"));
    }

    @Test
    void nvsKeysPartitionMatchesTheKnownKeysFile() {
        try (NvsKeys keys = knownKeys()) {
            assertThat(keys.nvsKeysPartition()).isEqualTo(NvsVectors.bytes("nvs_keys.bin"));
        }
    }

    @Test
    void hmacDerivedKeysMatchGenerateKeyWithKeyProtectHmac() {
        try (NvsKeys keys = NvsKeys.derivedFromHmacKey(NvsVectors.bytes("hmac_key.bin"))) {
            assertThat(keys.nvsKeysPartition()).isEqualTo(NvsVectors.bytes("keys/nvs_keys_hmac.bin"));
        }
    }

    @Test
    void encryptedPartitionMatchesEncryptWithInputKey() {
        try (NvsKeys keys = NvsKeys.fromPartition(NvsVectors.bytes("nvs_keys.bin"))) {
            byte[] image = NvsPartitionGenerator.generateEncrypted(NvsVectors.csv("input.csv"), SIZE, NvsFormat.V2,
                    NvsVectors.resolver(), keys);
            assertThat(image).isEqualTo(NvsVectors.bytes("nvs_encrypted.bin"));
        }
    }

    @Test
    void encryptedPartitionWithHmacDerivedKeysMatches() {
        try (NvsKeys keys = NvsKeys.fromPartition(NvsVectors.bytes("keys/nvs_keys_hmac.bin"))) {
            byte[] image = NvsEncryption.encrypt(NvsVectors.bytes("nvs_plain.bin"), keys);
            assertThat(image).isEqualTo(NvsVectors.bytes("nvs_encrypted_hmac.bin"));
        }
    }

    @Test
    void decryptGivesThePlainPartition() {
        try (NvsKeys keys = NvsKeys.fromPartition(NvsVectors.bytes("nvs_keys.bin"))) {
            assertThat(NvsEncryption.decrypt(NvsVectors.bytes("nvs_encrypted.bin"), keys))
                    .isEqualTo(NvsVectors.bytes("nvs_plain.bin"));
        }
        try (NvsKeys keys = NvsKeys.derivedFromHmacKey(NvsVectors.bytes("hmac_key.bin"))) {
            assertThat(NvsEncryption.decrypt(NvsVectors.bytes("nvs_encrypted_hmac.bin"), keys))
                    .isEqualTo(NvsVectors.bytes("nvs_plain.bin"));
        }
    }

    @Test
    void readsThePlainPartitionBackIntoTheCsvEntries() {
        assertThat(NvsPartitionReader.read(NvsVectors.bytes("nvs_plain.bin"))).containsExactlyElementsOf(expected(true));
        assertThat(NvsPartitionReader.read(NvsVectors.bytes("nvs_plain_v1.bin"))).containsExactlyElementsOf(expected(false));
    }

    private static List<NvsEntry> expected(boolean withBigBlob) {
        List<NvsEntry> certs = List.of(
                new NvsEntry("certs", "dev_cert", new NvsValue.Blob(NvsVectors.bytes("dev_cert.pem"))),
                new NvsEntry("certs", "dev_cert_der", new NvsValue.Blob(NvsVectors.bytes("dev_cert.der"))),
                new NvsEntry("certs", "priv_key", new NvsValue.Blob(NvsVectors.bytes("dev_key.der"))),
                new NvsEntry("certs", "device_id", new NvsValue.Text("esp32-test-device-0001")),
                new NvsEntry("config", "u8val", new NvsValue.Int(NvsIntType.U8, 200)),
                new NvsEntry("config", "i8val", new NvsValue.Int(NvsIntType.I8, -100)),
                new NvsEntry("config", "u16val", new NvsValue.Int(NvsIntType.U16, 60000)),
                new NvsEntry("config", "i16val", new NvsValue.Int(NvsIntType.I16, -30000)),
                new NvsEntry("config", "u32val", new NvsValue.Int(NvsIntType.U32, 4000000000L)),
                new NvsEntry("config", "i32val", new NvsValue.Int(NvsIntType.I32, -2000000000)),
                new NvsEntry("config", "u64val", new NvsValue.Int(NvsIntType.U64,
                        new BigInteger("18000000000000000000").longValue())),
                new NvsEntry("config", "i64val", new NvsValue.Int(NvsIntType.I64, -9000000000000000000L)),
                new NvsEntry("config", "hexval", new NvsValue.Blob(new byte[] {
                    (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0x00, 0x11, 0x22, 0x33})),
                new NvsEntry("config", "b64val", new NvsValue.Blob("Hello, NVS!".getBytes(StandardCharsets.US_ASCII))));
        if (!withBigBlob) {
            return certs;
        }
        List<NvsEntry> all = new java.util.ArrayList<>(certs);
        all.add(new NvsEntry("config", "big", new NvsValue.Blob(NvsVectors.bytes("big_blob.bin"))));
        return all;
    }
}
