package io.fuseline.esp.efuse;

import io.fuseline.esp.MacAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes a register snapshot into an {@link EfuseSummary}, the way {@code espefuse summary} reads it: raw
 * field values (no calibration or dictionary meanings), espefuse's readable / writeable flags, MACs in display
 * order with their check. Stateless and thread-safe.
 */
public final class EfuseDecoder {
    private EfuseDecoder() {
    }

    /** Decodes every field, block and key block of the snapshot's chip. */
    public static EfuseSummary decode(EfuseRegisters registers) {
        EfuseChip chip = registers.chip();
        Protection protection = Protection.of(registers);
        List<int[]> blockWords = new ArrayList<>();
        for (EfuseBlock b : chip.blocks()) {
            blockWords.add(registers.readWords(b));
        }
        Map<String, DecodedField> fields = new LinkedHashMap<>();
        for (EfuseField f : chip.fields().fields()) {
            FieldValue value = value(registers, f, blockWords);
            fields.put(f.name(), new DecodedField(f, value, protection.readable(f), protection.writeable(f)));
        }
        List<EfuseSummary.BlockState> blocks = new ArrayList<>();
        for (EfuseBlock b : chip.blocks()) {
            blocks.add(new EfuseSummary.BlockState(b, chip.codingScheme(b.index(), registers),
                    new FieldValue.Bytes(Words.toBytes(blockWords.get(b.index()))),
                    !protection.readable(b), !protection.writeable(b)));
        }
        int[] block0 = blockWords.get(0);
        return new EfuseSummary(chip.family(), fields, blocks, keyBlocks(chip, blocks, block0, protection),
                flashEncryption(chip, block0, protection), secureBoot(chip, block0),
                chip.codingScheme(1, registers));
    }

    private static FieldValue value(EfuseRegisters registers, EfuseField f, List<int[]> blockWords) {
        int[] words = blockWords.get(f.block());
        if (f.type().equals("bool")) {
            return new FieldValue.Flag(FieldBits.number(words, f) != 0);
        }
        if (f.type().startsWith("uint")) {
            return new FieldValue.Number(FieldBits.number(words, f));
        }
        // A field named after its block spans the whole block as read (espefuse widens BLOCK_USR_DATA to 256 bits;
        // ESP32 BLOCK1-3 hold 192 bits under 3/4 coding).
        boolean wholeBlock = registers.chip().block(f.name()).map(b -> b.index() == f.block()).orElse(false);
        int byteCount = wholeBlock ? words.length * 4
                : Math.min(f.bitLength() / 8, words.length * 4 - FieldBits.firstBit(f) / 8);
        byte[] bytes = FieldBits.bytes(words, f, byteCount);
        if (f.name().equals("MAC") || f.name().equals("CUSTOM_MAC")) {
            return mac(registers, f, bytes, blockWords.get(f.block()));
        }
        return new FieldValue.Bytes(bytes);
    }

    private static FieldValue mac(EfuseRegisters registers, EfuseField f, byte[] memoryOrder, int[] words) {
        boolean factory = f.name().equals("MAC");
        byte[] display = factory ? reversed(memoryOrder) : memoryOrder;
        MacAddress address = new MacAddress(display);
        EfuseChip chip = registers.chip();
        if (chip instanceof Esp32Efuse) {
            EfuseField crcField = chip.fields().field(factory ? "MAC_CRC" : "CUSTOM_MAC_CRC").orElseThrow();
            int stored = (int) FieldBits.number(words, crcField);
            return new FieldValue.Mac(address, stored == address.esp32Crc8(), OptionalInt.of(stored));
        }
        return new FieldValue.Mac(address, !chip.hasCodingErrors(f.block(), registers), OptionalInt.empty());
    }

    private static List<EfuseSummary.KeyBlockState> keyBlocks(EfuseChip chip, List<EfuseSummary.BlockState> blocks,
                                                              int[] block0, Protection protection) {
        List<EfuseSummary.KeyBlockState> out = new ArrayList<>();
        for (EfuseSummary.BlockState s : blocks) {
            EfuseBlock b = s.block();
            if (chip instanceof Esp32Efuse) {
                if (b.index() == 1 || b.index() == 2) {
                    KeyPurpose p = b.index() == 1 ? KeyPurpose.ESP32_FLASH_ENCRYPTION
                            : KeyPurpose.ESP32_SECURE_BOOT_V2_DIGEST;
                    out.add(new EfuseSummary.KeyBlockState(b, Optional.of(p), -1, s.readProtected(),
                            s.writeProtected(), false, s.readsEmpty()));
                }
            } else if (b.isKeyBlock()) {
                EfuseField purposeField = chip.fields().field(b.keyPurposeField().orElseThrow()).orElseThrow();
                int raw = (int) FieldBits.number(block0, purposeField);
                out.add(new EfuseSummary.KeyBlockState(b, KeyPurpose.fromEfuseValue(raw), raw, s.readProtected(),
                        s.writeProtected(), !protection.writeable(purposeField), s.readsEmpty()));
            }
        }
        return out;
    }

    private static EfuseSummary.FlashEncryptionState flashEncryption(EfuseChip chip, int[] block0,
                                                                     Protection protection) {
        String name = chip instanceof Esp32Efuse ? "FLASH_CRYPT_CNT" : "SPI_BOOT_CRYPT_CNT";
        EfuseField f = chip.fields().field(name).orElseThrow();
        int count = (int) FieldBits.number(block0, f);
        return new EfuseSummary.FlashEncryptionState(name, count, Integer.bitCount(count) % 2 == 1,
                !protection.writeable(f));
    }

    private static EfuseSummary.SecureBootState secureBoot(EfuseChip chip, int[] block0) {
        if (chip instanceof Esp32Efuse) {
            return new EfuseSummary.SecureBootState(flag(chip, block0, "ABS_DONE_1"), flag(chip, block0, "ABS_DONE_0"));
        }
        return new EfuseSummary.SecureBootState(flag(chip, block0, "SECURE_BOOT_EN"), false);
    }

    private static boolean flag(EfuseChip chip, int[] block0, String name) {
        return FieldBits.number(block0, chip.fields().field(name).orElseThrow()) != 0;
    }

    static byte[] reversed(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
