package io.fuseline.deploy.cli.chip;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.deploy.CliRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ./fuseline chip} against Espressif's reference vectors (esp-chip's test-jar): the files it writes must be
 * byte-identical to what espsecure wrote for the same command.
 */
class ChipCommandTest {
    @TempDir
    Path dir;

    record FlashVector(String mode, String key, String address, String conf, String plaintext, String ciphertext) {
        @Override
        public String toString() {
            return ciphertext;
        }
    }

    static Stream<FlashVector> flashVectors() {
        List<FlashVector> vectors = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                resource("vectors/flash_encryption/index.tsv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] c = line.split("\t");
                vectors.add(new FlashVector(c[0], c[1], c[2], c[3], c[4], c[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors.stream();
    }

    @ParameterizedTest
    @MethodSource("flashVectors")
    void encryptAndDecryptFlashDataAreByteIdenticalToEspsecure(FlashVector v) throws IOException {
        Path key = copy("vectors/" + v.key());
        Path plain = copy("vectors/" + v.plaintext());
        Path expected = copy("vectors/" + v.ciphertext());
        boolean xts = !v.mode().startsWith("esp32");
        Path out = dir.resolve("out.bin");
        Path back = dir.resolve("back.bin");

        List<String> enc = new ArrayList<>(List.of("chip", "encrypt-flash-data", "--keyfile", key.toString(),
                "--address", v.address(), "--output", out.toString()));
        List<String> dec = new ArrayList<>(List.of("chip", "decrypt-flash-data", "--keyfile", key.toString(),
                "--address", v.address(), "--output", back.toString()));
        for (List<String> args : List.of(enc, dec)) {
            if (xts) {
                args.add("--aes-xts");
            } else {
                args.addAll(List.of("--flash-crypt-conf", v.conf()));
            }
        }
        enc.add(plain.toString());
        dec.add(expected.toString());

        assertThat(CliRun.of(enc.toArray(String[]::new)).code()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
        assertThat(CliRun.of(dec.toArray(String[]::new)).code()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(plain));
    }

    @ParameterizedTest
    @MethodSource("sbv2Keys")
    void digestSbv2PublicKeyIsByteIdenticalToEspsecure(String key) throws IOException {
        Path pem = copy("vectors/secure_boot_v2/" + key + ".pem");
        Path out = dir.resolve("digest.bin");
        CliRun r = CliRun.of("chip", "digest-sbv2-public-key", "--keyfile", pem.toString(), "--output", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(resource("vectors/secure_boot_v2/" + key + ".digest.bin")
                .readAllBytes());
    }

    static Stream<String> sbv2Keys() {
        return Stream.of("rsa3072", "ecdsa256", "ecdsa384");
    }

    @Test
    void signDataOutputVerifiesAndATamperedImageDoesNot() throws IOException {
        Path key = copy("vectors/secure_boot_v2/rsa3072.pem");
        Path pub = copy("vectors/secure_boot_v2/rsa3072.pub.pem");
        Path image = copy("vectors/image/esp32s3_app_small.bin");
        Path signed = dir.resolve("signed.bin");
        assertThat(CliRun.of("chip", "sign-data", "--version", "2", "--keyfile", key.toString(), "--output",
                signed.toString(), image.toString()).code()).isZero();
        assertThat(Files.size(signed) % 4096).isZero();
        assertThat(CliRun.of("chip", "verify-signature", "--version", "2", "--keyfile", pub.toString(),
                signed.toString()).out()).contains("verification successful");

        CliRun tampered = CliRun.of("chip", "verify-signature", "--version", "2", "--keyfile", pub.toString(),
                copy("vectors/secure_boot_v2/tampered_rsa3072.bin").toString());
        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.err()).contains("image digest does not match").doesNotContain("Exception");
    }

    @ParameterizedTest
    @MethodSource("images")
    void imageInfoPrintsWhatEsptoolPrints(String image) throws IOException {
        Path file = copy("vectors/image/" + image + ".bin");
        for (String version : List.of("1", "2")) {
            String expected = new String(resource("vectors/image/" + image + ".image_info_v" + version + ".txt")
                    .readAllBytes(), StandardCharsets.UTF_8);
            // esptool's first line is its own banner ("esptool.py v4.12.0"), not a fact about the image.
            expected = expected.substring(expected.indexOf('\n') + 1);
            CliRun r = CliRun.of("chip", "image-info", "--version", version, file.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().strip()).isEqualTo(expected.strip());
        }
    }

    static Stream<String> images() {
        return Stream.of("esp32_app_small", "esp32_app_irom", "esp32_app_sbv2pad", "esp32s3_app_small",
                "esp32_bootloader", "esp32_app_small_badchecksum");
    }

    @Test
    void efusePlanPrintsTheRegisterWritesEspefuseMade() throws IOException {
        assertPlan("esp32", "01_burn_key_flash_encryption_noprotect", null,
                "--burn-key", "flash_encryption:" + copy("vectors/efuse/key32_hash.bin"), "--no-protect-key");
        assertPlan("esp32s3", "02_burn_key_xts256_key1_key2_noreadprotect",
                "vectors/efuse/esp32s3/01_burn_key_xts128_key0_noreadprotect.virt.bin",
                "--burn-key", "BLOCK_KEY1:" + copy("vectors/efuse/key64_hash.bin") + ":XTS_AES_256_KEY",
                "--no-read-protect");
        assertPlan("esp32s3", "03_burn_key_digest_key3_sbdigest0",
                "vectors/efuse/esp32s3/02_burn_key_xts256_key1_key2_noreadprotect.virt.bin",
                "--burn-key-digest", "BLOCK_KEY3:" + copy("vectors/secure_boot_v2/rsa3072.pem") + ":SECURE_BOOT_DIGEST0");
    }

    @Test
    void efusePlanRefusesWhatTheChipWouldRefuse() throws IOException {
        // WR_DIS bit 2 protects FLASH_CRYPT_CNT and UART_DOWNLOAD_DIS alike (espefuse refused this step too).
        Path efuses = copy("vectors/efuse/esp32/09_rd_protect_block1.virt.bin");
        CliRun r = CliRun.of("chip", "efuse-plan", "--chip", "esp32", "--efuse-file", efuses.toString(),
                "--burn-efuse", "UART_DOWNLOAD_DIS=1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("UART_DOWNLOAD_DIS").contains("EFUSE-").doesNotContain("Exception");
    }

    private void assertPlan(String chip, String snapshot, String efuseFile, String... burn) throws IOException {
        List<String> args = new ArrayList<>(List.of("chip", "efuse-plan", "--chip", chip));
        if (efuseFile != null) {
            args.addAll(List.of("--efuse-file", copy(efuseFile).toString()));
        }
        args.addAll(List.of(burn));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> expected = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource("vectors/efuse/burn_writes.tsv"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] c = line.split("\t");
                if (c[0].equals(chip) && c[1].equals(snapshot)) {
                    expected.add("(block " + c[2] + "): " + c[3]);
                }
            }
        }
        assertThat(expected).isNotEmpty();
        List<String> printed = r.out().lines().map(l -> l.substring(l.indexOf(" (block ") + 1)).toList();
        assertThat(printed).containsExactlyElementsOf(expected);
    }

    @Test
    void nvsGenerateEncryptAndDecryptAreByteIdenticalToTheGenerator() throws IOException {
        Path nvs = Files.createDirectories(dir.resolve("nvs"));
        for (String f : List.of("input.csv", "input_v1.csv", "dev_cert.pem", "dev_cert.der", "dev_key.der",
                "big_blob.bin", "nvs_keys.bin")) {
            try (InputStream in = resource("vectors/nvs/" + f)) {
                Files.copy(in, nvs.resolve(f));
            }
        }
        Path plain = dir.resolve("plain.bin");
        Path plainV1 = dir.resolve("plain_v1.bin");
        Path encrypted = dir.resolve("encrypted.bin");
        Path decrypted = dir.resolve("decrypted.bin");
        // Run from elsewhere: file rows must resolve against the CSV's folder, not the working directory.
        assertThat(CliRun.of("chip", "nvs", "generate", nvs.resolve("input.csv").toString(), plain.toString(),
                "0x6000").code()).isZero();
        assertThat(CliRun.of("chip", "nvs", "generate", "--version", "1", nvs.resolve("input_v1.csv").toString(),
                plainV1.toString(), "0x3000").code()).isZero();
        CliRun enc = CliRun.of("chip", "nvs", "encrypt", nvs.resolve("input.csv").toString(), encrypted.toString(),
                "0x6000", "--inputkey", nvs.resolve("nvs_keys.bin").toString());
        assertThat(enc.code()).as(enc.err()).isZero();
        assertThat(CliRun.of("chip", "nvs", "decrypt", encrypted.toString(), nvs.resolve("nvs_keys.bin").toString(),
                decrypted.toString()).code()).isZero();

        byte[] expectedPlain = resource("vectors/nvs/nvs_plain.bin").readAllBytes();
        assertThat(Files.readAllBytes(plain)).isEqualTo(expectedPlain);
        assertThat(Files.readAllBytes(plainV1)).isEqualTo(resource("vectors/nvs/nvs_plain_v1.bin").readAllBytes());
        assertThat(Files.readAllBytes(encrypted)).isEqualTo(resource("vectors/nvs/nvs_encrypted.bin").readAllBytes());
        assertThat(Files.readAllBytes(decrypted)).isEqualTo(expectedPlain);
    }

    @Test
    void nvsNamesTheLineOfABadCsvRow() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "key,type,encoding,value\nns,namespace,,\nx,data,u8,300\n");
        CliRun r = CliRun.of("chip", "nvs", "generate", csv.toString(), dir.resolve("o.bin").toString(), "0x3000");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("line 3").contains("300").doesNotContain("Exception");
    }

    @Test
    void badInputIsOneLineAndNonZeroNeverAStackTrace() throws IOException {
        Path key = copy("vectors/keys/key32_hash.bin");
        Path odd = Files.write(dir.resolve("odd.bin"), new byte[17]);
        CliRun r = CliRun.of("chip", "encrypt-flash-data", "--keyfile", key.toString(), "--address", "0x1000", "--output",
                dir.resolve("o").toString(), odd.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).contains("not a multiple of 16").doesNotContain("\n").doesNotContain("at io.");

        CliRun misaligned = CliRun.of("chip", "encrypt-flash-data", "--keyfile", key.toString(), "--address", "0x1001",
                "--output", dir.resolve("o").toString(), copy("vectors/flash_encryption/pt_zero_64.bin").toString());
        assertThat(misaligned.code()).isEqualTo(1);
        assertThat(misaligned.err()).contains("0x1001");

        CliRun missing = CliRun.of("chip", "digest-sbv2-public-key", "--keyfile", dir.resolve("nope.pem").toString(),
                "--output", dir.resolve("d").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file").contains("nope.pem");

        CliRun badNumber = CliRun.of("chip", "encrypt-flash-data", "--keyfile", key.toString(), "--address", "0xZZ",
                "--output", "o", "in");
        assertThat(badNumber.code()).isEqualTo(2);
        assertThat(badNumber.err()).contains("0xZZ");
    }

    private Path copy(String resourcePath) throws IOException {
        Path target = dir.resolve(resourcePath.replace('/', '_'));
        if (!Files.exists(target)) {
            try (InputStream in = resource(resourcePath)) {
                Files.copy(in, target);
            }
        }
        return target;
    }

    private static InputStream resource(String path) {
        InputStream in = ChipCommandTest.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("esp-chip test-jar lacks " + path);
        }
        return in;
    }
}
