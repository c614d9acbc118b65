package io.fuseline.station.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.DecodedField;
import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.esp.efuse.FieldValue;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.schemas.message.ChipRevision;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.KeyBlockState;
import io.fuseline.schemas.message.SecurityInfo;
import io.fuseline.station.ops.FlashId;
import io.fuseline.station.ops.LoaderException;
import io.fuseline.station.ops.RomLoader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what the orchestrator needs to decide about a unit, through a connected loader, into a
 * {@link DeviceIdentified}: chip, revision, MAC (and the ESP32's stored MAC CRC), flash id and size, the security
 * info (S3/C3), every eFuse field narrower than a key block (booleans, integers, or {@code 0x} hex for bytes) and
 * the state of every key block. Key block contents are never included. Not thread-safe: the caller owns the loader.
 */
public final class UnitIdentifier {

    /** Fields at least this wide are key blocks: never reported. */
    private static final int KEY_BLOCK_MIN_BITS = 128;

    private UnitIdentifier() {
    }

    public static DeviceIdentified identify(RomLoader loader, String stationId, String jigId) throws LoaderException {
        ChipFamily chip = loader.target().family();
        var rev = loader.readRevision();
        EfuseSummary fuses = loader.readEfuseSummary();
        FlashId flash = loader.readFlashId();
        Integer macCrc = null;
        Map<String, JsonNode> summary = new TreeMap<>();
        for (DecodedField f : fuses.fields().values()) {
            FieldValue v = f.value();
            if (v instanceof FieldValue.Mac mac) {
                if (chip == ChipFamily.ESP32 && f.field().name().equals("MAC") && mac.storedCrc().isPresent()) {
                    macCrc = mac.storedCrc().getAsInt();
                }
                continue;
            }
            if (f.field().bitLength() < KEY_BLOCK_MIN_BITS) {
                summary.put(f.field().name(), json(v));
            }
        }
        SecurityInfo security = loader.securityInfo().map(s -> new SecurityInfo(s.flags() & 0xFFFFFFFFL,
                s.flashCryptCnt(), s.keyPurposes(), s.chipId().isPresent() ? s.chipId().getAsInt() : null,
                s.apiVersion().isPresent() ? s.apiVersion().getAsInt() : null)).orElse(null);
        return new DeviceIdentified(stationId, jigId, loader.readMac(), macCrc, chip,
                new ChipRevision(rev.major(), rev.minor()),
                String.format("%02x%04x", flash.manufacturer(), flash.device()),
                flash.sizeBytes().orElse(0), chip == ChipFamily.ESP32 ? null : security, summary, keyBlocks(fuses));
    }

    private static List<KeyBlockState> keyBlocks(EfuseSummary fuses) {
        List<KeyBlockState> out = new ArrayList<>();
        for (EfuseSummary.KeyBlockState k : fuses.keyBlocks()) {
            Optional<KeyPurpose> purpose = k.purpose().or(() -> esp32Purpose(fuses.family(), k.block().index()));
            purpose.ifPresent(p -> out.add(new KeyBlockState(k.block().name(), p, !k.readsEmpty() || k.readProtected(),
                    k.readProtected(), k.writeProtected())));
        }
        return out;
    }

    private static Optional<KeyPurpose> esp32Purpose(ChipFamily chip, int block) {
        if (chip != ChipFamily.ESP32) {
            return Optional.empty();
        }
        return block == 1 ? Optional.of(KeyPurpose.ESP32_FLASH_ENCRYPTION)
                : block == 2 ? Optional.of(KeyPurpose.ESP32_SECURE_BOOT_V2_DIGEST) : Optional.empty();
    }

    private static JsonNode json(FieldValue v) {
        if (v instanceof FieldValue.Flag f) {
            return BooleanNode.valueOf(f.value());
        }
        if (v instanceof FieldValue.Number n) {
            return LongNode.valueOf(n.value());
        }
        if (v instanceof FieldValue.Bytes b) {
            byte[] le = b.memoryOrder();
            byte[] be = new byte[le.length];
            for (int i = 0; i < le.length; i++) {
                be[i] = le[le.length - 1 - i];
            }
            return TextNode.valueOf("0x" + new BigInteger(1, be).toString(16));
        }
        return TextNode.valueOf("0x0");
    }
}
