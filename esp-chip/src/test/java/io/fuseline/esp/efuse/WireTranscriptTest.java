package io.fuseline.esp.efuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ProgramSequence} against real espefuse on the wire (vectors/protocol: espefuse v4.12 driving a simulated
 * ROM loader). Every WRITE_REG into the eFuse window must match, in order, once espefuse's repeated read commands
 * (its re-read loop) are collapsed; writes outside the window (the ESP32-S3 UART_DATE delay record) are left out.
 */
class WireTranscriptTest {
    private static final Pattern WRITE = Pattern.compile("# write (0x[0-9a-f]+) = (0x[0-9a-f]+) mask");

    @Test
    void esp32BurnsMatchTheWire() {
        EfuseChip chip = EfuseChip.of(ChipFamily.ESP32);
        EfuseControllerModel model = new EfuseControllerModel(EfuseRegisters.fromVirtualFile(chip,
                EfuseVectors.bytes("esp32_factory.virt.bin")), UpdateSemantics.CHIP);
        replay(model, "esp32", 5, List.of(new BurnRequest.BurnKey("flash_encryption", null,
                EfuseKey.copyOf(EfuseVectors.bytes("key32_hash.bin")), KeyProtection.NONE)));
        replay(model, "esp32", 6, List.of(new BurnRequest.BurnKeyDigest("BLOCK2",
                KeyPurpose.ESP32_SECURE_BOOT_V2_DIGEST, EfuseVectors.bytes("rsa3072.digest.bin"), true)));
        replay(model, "esp32", 7, List.of(new BurnRequest.SetField("FLASH_CRYPT_CONFIG", 0xF),
                new BurnRequest.SetField("FLASH_CRYPT_CNT", 1)));
    }

    @Test
    void esp32s3BurnsMatchTheWire() {
        EfuseChip chip = EfuseChip.of(ChipFamily.ESP32S3);
        EfuseControllerModel model = new EfuseControllerModel(EfuseRegisters.fromVirtualFile(chip,
                EfuseVectors.bytes("esp32s3_factory.virt.bin")), UpdateSemantics.CHIP);
        replay(model, "esp32s3", 6, List.of(new BurnRequest.BurnKey("BLOCK_KEY0", KeyPurpose.XTS_AES_128_KEY,
                EfuseKey.copyOf(EfuseVectors.bytes("key32_hash.bin")), KeyProtection.WRITE_ONLY)));
        replay(model, "esp32s3", 7, List.of(new BurnRequest.BurnKeyDigest("BLOCK_KEY3",
                KeyPurpose.SECURE_BOOT_DIGEST0, EfuseVectors.bytes("rsa3072.digest.bin"), true)));
        replay(model, "esp32s3", 8, List.of(new BurnRequest.SetField("SPI_BOOT_CRYPT_CNT", 1)));
    }

    private static void replay(EfuseControllerModel model, String chipName, int connection,
                               List<BurnRequest> requests) {
        EfuseRegisters before = model.snapshot();
        List<RegisterOp> ops = ProgramSequence.of(BurnPlanner.plan(before, requests));
        List<String> ours = new ArrayList<>();
        for (RegisterOp op : ops) {
            model.apply(List.of(op));
            if (op instanceof RegisterOp.Write w) {
                ours.add(String.format("0x%08x=0x%08x", w.address(), w.value()));
            } else if (op instanceof RegisterOp.Update u) {
                ours.add(String.format("0x%08x=0x%08x", u.address(), model.read(u.address())));
            }
        }
        assertThat(ours).as(chipName + " connection " + connection)
                .containsExactlyElementsOf(wire(chipName, connection, before.chip()));
    }

    private static List<String> wire(String chipName, int connection, EfuseChip chip) {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : EfuseVectors.text(chipName + "_wire_writes.txt").split("\n")) {
            if (line.startsWith("# ---- connection")) {
                inside = line.equals("# ---- connection " + connection);
                continue;
            }
            Matcher m = WRITE.matcher(line);
            if (inside && m.find()) {
                long address = Long.decode(m.group(1));
                if (address >= chip.baseAddress() && address < chip.baseAddress() + chip.windowBytes()) {
                    out.add(String.format("0x%08x=0x%08x", address, Long.decode(m.group(2))));
                }
            }
        }
        return collapseRepeatedReads(out, chip);
    }

    private static List<String> collapseRepeatedReads(List<String> writes, EfuseChip chip) {
        String conf = String.format("0x%08x=0x%08x", chip.address(chip.confOffset()), 0x5AA5);
        String cmd = String.format("0x%08x=0x%08x", chip.address(chip.cmdOffset()), 1);
        List<String> out = new ArrayList<>();
        for (String w : writes) {
            int n = out.size();
            boolean repeat = n >= 2 && out.get(n - 2).equals(conf) && out.get(n - 1).equals(cmd);
            if (repeat && w.equals(conf)) {
                continue;
            }
            if (repeat && w.equals(cmd) && n >= 2) {
                continue;
            }
            out.add(w);
        }
        return out;
    }
}
