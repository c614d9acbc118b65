package io.fuseline.schemas.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.EfuseField;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.KeyBlockState;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DeviceIdentified: a unicast MAC whose ESP32 CRC matches, eFuse names of the unit's chip, key blocks that are
 * key blocks with purposes of that chip, a power-of-two flash size.
 */
final class DeviceIdentifiedValidator implements MessageValidator<DeviceIdentified> {
    private static final Pattern HEX = Pattern.compile("0x[0-9a-f]+");
    /** espefuse key blocks are 256 bits; anything of 128 bits or more is key-sized. */
    static final int KEY_BLOCK_MIN_BITS = 128;

    @Override
    public void validate(DeviceIdentified m, RuleCheck check) {
        check.unicastMac(m.mac(), "/mac");
        if (m.chip() == ChipFamily.ESP32) {
            check.require(m.macCrc() != null, "/macCrc", "is required for an esp32, which stores a MAC CRC");
            check.require(m.macCrc() == m.mac().esp32Crc8(), "/macCrc", "does not match the CRC-8 of the MAC");
            // The ESP32 ROM loader has no GET_SECURITY_INFO command: a value here was made up.
            check.require(m.securityInfo() == null, "/securityInfo", "an esp32 ROM reports no security info");
        } else {
            check.require(m.macCrc() == null, "/macCrc", "only the esp32 stores a MAC CRC");
        }
        long size = m.flashSizeBytes();
        check.require(Long.bitCount(size) == 1, "/flashSizeBytes", "a flash size is a power of two");
        for (Map.Entry<String, JsonNode> e : m.efuseSummary().entrySet()) {
            String at = "/efuseSummary/" + e.getKey();
            check.efuseField(m.chip(), e.getKey(), at);
            JsonNode v = e.getValue();
            check.require(!v.isTextual() || HEX.matcher(v.textValue()).matches(), at,
                    "a text value must be lowercase hex with 0x");
        }
        Set<String> blocks = new HashSet<>();
        for (int i = 0; i < m.keyBlocks().size(); i++) {
            KeyBlockState b = m.keyBlocks().get(i);
            String at = "/keyBlocks/" + i;
            EfuseField field = check.efuseField(m.chip(), b.block(), at + "/block");
            check.require(field.bitLength() >= KEY_BLOCK_MIN_BITS, at + "/block", b.block() + " is not a key block");
            check.require(blocks.add(field.name()), at + "/block", b.block() + " is listed more than once");
            check.purposeOn(m.chip(), b.purpose(), at + "/purpose");
        }
    }
}
