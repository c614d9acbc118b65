package io.fuseline.orchestrator.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.KeyBlockState;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a unit's eFuses as reported at identification, the ground truth about what was already burned. Every field
 * of the summary is security-relevant by contract, so any non-zero value, any programmed key block and a non-zero
 * flash-crypt count in the ROM's security info mean the unit is not blank.
 */
final class ArrivalFuses {
    private ArrivalFuses() {
    }

    /** The burned fields as evidence (field to value as reported); empty for a blank unit. */
    static Map<String, String> burned(DeviceIdentified id) {
        Map<String, String> burned = new TreeMap<>();
        id.efuseSummary().forEach((field, value) -> {
            if (!blank(value)) {
                burned.put("efuse." + field, value.asText());
            }
        });
        for (KeyBlockState b : id.keyBlocks()) {
            if (b.programmed() || b.readProtected() || b.writeProtected()) {
                burned.put("keyBlock." + b.block(), "programmed=" + b.programmed() + " readProtected="
                        + b.readProtected() + " writeProtected=" + b.writeProtected() + " purpose=" + b.purpose());
            }
        }
        if (id.securityInfo() != null && id.securityInfo().flashCryptCnt() != 0) {
            burned.put("securityInfo.flashCryptCnt", Integer.toString(id.securityInfo().flashCryptCnt()));
        }
        return burned;
    }

    private static boolean blank(JsonNode v) {
        if (v.isBoolean()) {
            return !v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue() == 0;
        }
        if (v.isTextual()) {
            return v.textValue().matches("0x0*");
        }
        return false;
    }
}
