package io.fuseline.orchestrator.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.fuseline.esp.ChipFamily;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.KeyBlockState;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a unit's eFuses as reported at identification, the ground truth about what was already burned. The summary
 * holds every field of the chip, and a new chip leaves the wafer test with some of them set (revision, package,
 * calibration, flash and PSRAM facts, the MAC): only the security fields below must be blank, plus every key block
 * and the flash-crypt count in the ROM's security info.
 */
final class ArrivalFuses {
    /**
     * Per family, the fields a blank unit has at zero (espefuse names): protection bits, the flash-crypt counter,
     * Secure Boot, download-mode and JTAG restrictions, key purposes and revocations.
     */
    private static final Map<ChipFamily, Set<String>> SECURITY_FIELDS = Map.of(
            ChipFamily.ESP32, Set.of("WR_DIS", "RD_DIS", "FLASH_CRYPT_CNT", "UART_DOWNLOAD_DIS", "ABS_DONE_0",
                    "ABS_DONE_1", "JTAG_DISABLE", "DISABLE_DL_ENCRYPT", "DISABLE_DL_DECRYPT", "DISABLE_DL_CACHE",
                    "KEY_STATUS"),
            ChipFamily.ESP32S3, s3c3("DIS_DOWNLOAD_DCACHE"),
            ChipFamily.ESP32C3, s3c3());

    private static Set<String> s3c3(String... more) {
        Set<String> fields = new java.util.HashSet<>(Set.of("WR_DIS", "RD_DIS", "SPI_BOOT_CRYPT_CNT", "SECURE_BOOT_EN",
                "SECURE_BOOT_AGGRESSIVE_REVOKE", "SECURE_BOOT_KEY_REVOKE0", "SECURE_BOOT_KEY_REVOKE1",
                "SECURE_BOOT_KEY_REVOKE2", "KEY_PURPOSE_0", "KEY_PURPOSE_1", "KEY_PURPOSE_2", "KEY_PURPOSE_3",
                "KEY_PURPOSE_4", "KEY_PURPOSE_5", "DIS_DOWNLOAD_MANUAL_ENCRYPT", "DIS_DOWNLOAD_MODE",
                "ENABLE_SECURITY_DOWNLOAD", "SOFT_DIS_JTAG", "DIS_PAD_JTAG", "DIS_USB_JTAG", "DIS_DOWNLOAD_ICACHE",
                "SECURE_VERSION"));
        fields.addAll(Set.of(more));
        return Set.copyOf(fields);
    }

    private ArrivalFuses() {
    }

    /** The burned security fields as evidence (field to value as reported); empty for a blank unit. */
    static Map<String, String> burned(DeviceIdentified id) {
        Map<String, String> burned = new TreeMap<>();
        Set<String> security = SECURITY_FIELDS.get(id.chip());
        id.efuseSummary().forEach((field, value) -> {
            if (security.contains(field) && !blank(value)) {
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
