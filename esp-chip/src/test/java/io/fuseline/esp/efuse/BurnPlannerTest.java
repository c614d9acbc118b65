package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What the planner refuses, with the field and reason, and what it plans beyond the espefuse vectors. */
class BurnPlannerTest {
    private static final EfuseRegisters S3_BLANK = EfuseRegisters.blank(EfuseChip.of(ChipFamily.ESP32S3));
    private static final EfuseRegisters C3_BLANK = EfuseRegisters.blank(EfuseChip.of(ChipFamily.ESP32C3));
    private static final EfuseRegisters ESP32_BLANK = EfuseRegisters.blank(EfuseChip.of(ChipFamily.ESP32));

    private static EfuseKey key(int length) {
        byte[] k = new byte[length];
        Arrays.fill(k, (byte) 0x5A);
        return EfuseKey.copyOf(k);
    }

    private static void refused(ThrowingCallable call, String target, RefusalReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EfuseBurnRefusedException.class, e -> {
            assertThat(e.target()).isEqualTo(target);
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).startsWith(reason.code()).contains(target);
        });
    }

    @Test
    void s3RefusesAnXtsKeyInKeyPurpose5() {
        refused(() -> BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.BurnKey("BLOCK_KEY5",
                KeyPurpose.XTS_AES_128_KEY, key(32), KeyProtection.DEFAULT))), "BLOCK_KEY5",
                RefusalReason.XTS_KEY_IN_KEY_PURPOSE_5);
        assertThat(BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.BurnKey("BLOCK_KEY5", KeyPurpose.HMAC_UP,
                key(32), KeyProtection.DEFAULT))).programs()).hasSize(2);
    }

    @Test
    void purposesMustExistOnTheChip() {
        refused(() -> BurnPlanner.plan(C3_BLANK, List.of(new BurnRequest.BurnXtsAes256Key("BLOCK_KEY0", key(64),
                KeyProtection.DEFAULT))), "BLOCK_KEY0", RefusalReason.PURPOSE_NOT_AVAILABLE);
        refused(() -> BurnPlanner.plan(C3_BLANK, List.of(new BurnRequest.BurnKey("BLOCK_KEY0",
                KeyPurpose.XTS_AES_256_KEY_1, key(32), KeyProtection.DEFAULT))), "BLOCK_KEY0",
                RefusalReason.PURPOSE_NOT_AVAILABLE);
        refused(() -> BurnPlanner.plan(ESP32_BLANK, List.of(new BurnRequest.BurnKey("BLOCK1",
                KeyPurpose.XTS_AES_128_KEY, key(32), KeyProtection.DEFAULT))), "BLOCK1",
                RefusalReason.PURPOSE_NOT_AVAILABLE);
        refused(() -> BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.BurnKey("BLOCK_USR_DATA",
                KeyPurpose.USER, key(32), KeyProtection.DEFAULT))), "BLOCK_USR_DATA",
                RefusalReason.PURPOSE_NOT_AVAILABLE);
    }

    @Test
    void keysOfTheWrongLengthAreRefused() {
        refused(() -> BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.BurnKey("BLOCK_KEY0",
                KeyPurpose.XTS_AES_128_KEY, key(16), KeyProtection.DEFAULT))), "BLOCK_KEY0",
                RefusalReason.WRONG_LENGTH);
        refused(() -> BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.BurnXtsAes256Key("BLOCK_KEY0", key(32),
                KeyProtection.DEFAULT))), "BLOCK_KEY0", RefusalReason.WRONG_LENGTH);
        EfuseRegisters coded = EfuseVectors.steps("esp32_coding34").get(0).registers();
        refused(() -> BurnPlanner.plan(coded, List.of(new BurnRequest.BurnKey("flash_encryption", null, key(32),
                KeyProtection.NONE))), "BLOCK1", RefusalReason.WRONG_LENGTH);
    }

    @Test
    void anRsBlockThatHoldsDataTakesNoMoreBits() {
        EfuseRegisters afterKey0 = EfuseVectors.steps("esp32s3").get(1).registers();
        refused(() -> BurnPlanner.plan(afterKey0, List.of(new BurnRequest.BurnKey("BLOCK_KEY0",
                KeyPurpose.XTS_AES_128_KEY, key(32), KeyProtection.NONE))), "BLOCK_KEY0",
                RefusalReason.BITS_CANNOT_BE_CLEARED);
        EfuseRegisters usr = EfuseVectors.steps("esp32s3").get(5).registers();
        byte[] more = new byte[32];
        Arrays.fill(more, (byte) 0xFF);
        refused(() -> BurnPlanner.plan(usr, List.of(new BurnRequest.BurnBlockData("BLOCK_USR_DATA", 0, more))),
                "BLOCK_USR_DATA", RefusalReason.RS_BLOCK_ALREADY_WRITTEN);
        assertThat(BurnPlanner.plan(usr, List.of(new BurnRequest.BurnBlockData("BLOCK_USR_DATA", 0,
                EfuseVectors.bytes("key32_count.bin")))).isEmpty()).as("same data again is a no-op").isTrue();
    }

    @Test
    void noneCodedBlocksTakeMoreBitsAnd34ChunksDoNot() {
        EfuseRegisters esp32Key = EfuseVectors.steps("esp32").get(1).registers();
        byte[] more = new byte[32];
        Arrays.fill(more, (byte) 0xFF);
        BurnPlan plan = BurnPlanner.plan(esp32Key, List.of(new BurnRequest.BurnBlockData("BLOCK1", 0, more)));
        assertThat(plan.programs()).singleElement().extracting(BlockProgram::blockIndex).isEqualTo(1);
        EfuseRegisters coded = EfuseVectors.steps("esp32_coding34").get(1).registers();
        byte[] other = EfuseDecoder.decode(coded).block(1).data().memoryOrder();
        other[0] |= (byte) ~other[0];
        refused(() -> BurnPlanner.plan(coded, List.of(new BurnRequest.BurnBlockData("BLOCK1", 0, other))),
                "BLOCK1", RefusalReason.CODING34_CHUNK_ALREADY_WRITTEN);
    }

    @Test
    void bitsNeverGoFromOneToZero() {
        EfuseRegisters cnt3 = EfuseVectors.steps("esp32").get(4).registers();
        refused(() -> BurnPlanner.plan(cnt3, List.of(new BurnRequest.SetField("FLASH_CRYPT_CNT", 4))),
                "FLASH_CRYPT_CNT", RefusalReason.BITS_CANNOT_BE_CLEARED);
        assertThat(BurnPlanner.plan(cnt3, List.of(new BurnRequest.SetField("FLASH_CRYPT_CNT", 3))).isEmpty()).isTrue();
        assertThat(BurnPlanner.plan(cnt3, List.of(new BurnRequest.SetField("FLASH_CRYPT_CNT", 1))).isEmpty()).isTrue();
        BurnPlan seven = BurnPlanner.plan(cnt3, List.of(new BurnRequest.SetField("FLASH_CRYPT_CNT", 7)));
        assertThat(seven.programs().get(0).writes().get(0).value()).isEqualTo(7 << 20);
    }

    @Test
    void valuesAndNamesAreChecked() {
        refused(() -> BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.SetField("NO_SUCH", 1))), "NO_SUCH",
                RefusalReason.UNKNOWN_NAME);
        refused(() -> BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.SetField("SECURE_BOOT_EN", 2))),
                "SECURE_BOOT_EN", RefusalReason.VALUE_NOT_ACCEPTED);
        refused(() -> BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.SetField("SPI_BOOT_CRYPT_CNT", 8))),
                "SPI_BOOT_CRYPT_CNT", RefusalReason.VALUE_NOT_ACCEPTED);
        refused(() -> BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.SetField("SPI_BOOT_CRYPT_CNT", 0))),
                "SPI_BOOT_CRYPT_CNT", RefusalReason.VALUE_NOT_ACCEPTED);
        refused(() -> BurnPlanner.plan(ESP32_BLANK, List.of(new BurnRequest.SetFieldBytes("MAC", new byte[6]))),
                "MAC", RefusalReason.NOT_BURNABLE);
    }

    @Test
    void protectionOfAProtectedFieldIsANoOpAndWriteProtectedKeyPurposesCannotChange() {
        EfuseRegisters end = EfuseVectors.steps("esp32s3").get(12).registers();
        assertThat(BurnPlanner.plan(end, List.of(new BurnRequest.WriteProtect("SPI_BOOT_CRYPT_CNT"),
                new BurnRequest.ReadProtect("BLOCK_KEY0"))).isEmpty()).isTrue();
        refused(() -> BurnPlanner.plan(end, List.of(new BurnRequest.SetField("KEY_PURPOSE_4", 4))), "KEY_PURPOSE_4",
                RefusalReason.BITS_CANNOT_BE_CLEARED);
        refused(() -> BurnPlanner.plan(end, List.of(new BurnRequest.SetField("KEY_PURPOSE_4", 0xC))),
                "KEY_PURPOSE_4", RefusalReason.WRITE_PROTECTED);
        refused(() -> BurnPlanner.plan(end, List.of(new BurnRequest.ReadProtect("MAC"))), "MAC",
                RefusalReason.NOT_BURNABLE);
    }

    @Test
    void xtsAes256TakesTheNextFreeKeyBlockAndNeedsOne() {
        refused(() -> BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.BurnXtsAes256Key("BLOCK_KEY5", key(64),
                KeyProtection.DEFAULT))), "BLOCK_KEY5", RefusalReason.XTS_KEY_IN_KEY_PURPOSE_5);
        EfuseRegisters end = EfuseVectors.steps("esp32s3").get(12).registers();
        refused(() -> BurnPlanner.plan(end, List.of(new BurnRequest.BurnXtsAes256Key("BLOCK_KEY5", key(64),
                KeyProtection.DEFAULT))), "BLOCK_KEY5", RefusalReason.NO_FREE_KEY_BLOCK);
        EfuseRegisters afterKey0 = EfuseVectors.steps("esp32s3").get(1).registers();
        BurnPlan plan = BurnPlanner.plan(afterKey0, List.of(new BurnRequest.BurnXtsAes256Key("BLOCK_KEY3", key(64),
                KeyProtection.DEFAULT)));
        assertThat(plan.programs()).extracting(BlockProgram::blockIndex).containsExactly(8, 7, 0);
        refused(() -> BurnPlanner.plan(afterKey0, List.of(new BurnRequest.BurnXtsAes256Key("BLOCK_KEY4", key(64),
                KeyProtection.DEFAULT))), "BLOCK_KEY5", RefusalReason.XTS_KEY_IN_KEY_PURPOSE_5);
        EfuseRegisters allUsed = afterKey0;
        for (int b = 5; b <= 9; b++) {
            allUsed = allUsed.with(EfuseChip.of(ChipFamily.ESP32S3).block(b).readOffset(), 1);
        }
        EfuseRegisters full = allUsed;
        refused(() -> BurnPlanner.plan(full, List.of(new BurnRequest.BurnXtsAes256Key("BLOCK_KEY1", key(64),
                KeyProtection.DEFAULT))), "BLOCK_KEY1", RefusalReason.NO_FREE_KEY_BLOCK);
    }

    @Test
    void defaultProtectionsFollowEspefuse() {
        BurnPlan xts = BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.BurnKey("BLOCK_KEY2",
                KeyPurpose.XTS_AES_128_KEY, key(32), KeyProtection.DEFAULT)));
        int[] block0 = xts.programs().get(1).dataWords();
        assertThat(block0[0]).as("WR_DIS: KEY_PURPOSE_2 (10) and BLOCK_KEY2 (25)").isEqualTo(1 << 10 | 1 << 25);
        assertThat(block0[1]).as("RD_DIS bit 2").isEqualTo(1 << 2);
        BurnPlan digest = BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.BurnKeyDigest("BLOCK_KEY2",
                KeyPurpose.SECURE_BOOT_DIGEST1, new byte[32], true)));
        assertThat(digest.programs()).extracting(BlockProgram::blockIndex).containsExactly(0);
        assertThat(digest.programs().get(0).dataWords()[1]).as("digests stay readable").isZero();
        BurnPlan raw = BurnPlanner.plan(ESP32_BLANK, List.of(new BurnRequest.BurnKey("BLOCK1", null, key(32),
                KeyProtection.DEFAULT)));
        assertThat(raw.programs().get(1).dataWords()[0]).as("raw BLOCK1 name: WR_DIS only").isEqualTo(1 << 7);
    }

    @Test
    void postponingSplitsBlock0LikeEspefuse() {
        BurnPlan plan = BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.SetField("SPI_BOOT_CRYPT_CNT", 1),
                new BurnRequest.SetField("DIS_PAD_JTAG", 1), new BurnRequest.WriteProtect("SPI_BOOT_CRYPT_CNT")),
                new BurnOptions(true));
        assertThat(plan.programs()).extracting(BlockProgram::blockIndex).containsExactly(0, 0);
        assertThat(plan.programs().get(0).dataWords()).containsExactly(0, 1 << 19, 0, 0, 0, 0);
        assertThat(plan.programs().get(1).dataWords()).containsExactly(1 << 4, 0, 1 << 18, 0, 0, 0);
    }

    @Test
    void keyMaterialIsNeverPrinted() {
        EfuseKey k = key(32);
        BurnPlan plan = BurnPlanner.plan(S3_BLANK, List.of(new BurnRequest.BurnKey("BLOCK_KEY0",
                KeyPurpose.HMAC_UP, k, KeyProtection.DEFAULT)));
        assertThat(plan.toString()).doesNotContain("5a5a5a5a").doesNotContain("1515870810");
        assertThat(k.toString()).doesNotContain("5a5a").contains("32 bytes");
        k.close();
        assertThatThrownBy(k::bytes).isInstanceOf(IllegalStateException.class);
    }
}
