package io.fuseline.esp.partition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Partition type and subtype numbers and the names ESP-IDF's CSV uses for them (gen_esp32part.py,
 * {@code esp_partition_subtype_t}). Map order is the tool's, so a number maps back to the name the tool
 * writes.
 */
public final class PartitionTypes {
    public static final int APP = 0x00;
    public static final int DATA = 0x01;
    public static final int BOOTLOADER = 0x02;
    public static final int PARTITION_TABLE = 0x03;

    public static final int APP_FACTORY = 0x00;
    /** {@code ota_0}; {@code ota_n} is {@code APP_OTA_0 + n}, n = 0..15. */
    public static final int APP_OTA_0 = 0x10;
    public static final int APP_OTA_COUNT = 16;
    public static final int APP_TEST = 0x20;
    public static final int DATA_OTA = 0x00;
    public static final int DATA_PHY = 0x01;
    public static final int DATA_NVS = 0x02;
    public static final int DATA_COREDUMP = 0x03;
    public static final int DATA_NVS_KEYS = 0x04;
    public static final int DATA_UNDEFINED = 0x06;

    private static final Map<String, Integer> TYPES = ordered("app", APP, "data", DATA, "bootloader", BOOTLOADER,
            "partition_table", PARTITION_TABLE);
    private static final Map<Integer, Map<String, Integer>> SUBTYPES = Map.of(
            BOOTLOADER, ordered("primary", 0x00, "ota", 0x01, "recovery", 0x02),
            PARTITION_TABLE, ordered("primary", 0x00, "ota", 0x01),
            APP, appSubtypes(),
            DATA, ordered("ota", DATA_OTA, "phy", DATA_PHY, "nvs", DATA_NVS, "coredump", DATA_COREDUMP,
                    "nvs_keys", DATA_NVS_KEYS, "efuse", 0x05, "undefined", DATA_UNDEFINED, "esphttpd", 0x80,
                    "fat", 0x81, "spiffs", 0x82, "littlefs", 0x83, "tee_ota", 0x90));

    private PartitionTypes() {
    }

    /** Type names ({@code app}, {@code data}, ...) to numbers. */
    public static Map<String, Integer> typeNames() {
        return TYPES;
    }

    /** Subtype names of {@code type} to numbers; empty for custom types. */
    public static Map<String, Integer> subtypeNames(int type) {
        return SUBTYPES.getOrDefault(type, Map.of());
    }

    /** The name gen_esp32part writes for {@code type}, if it has one. */
    public static Optional<String> typeName(int type) {
        return nameOf(TYPES, type);
    }

    /** The name gen_esp32part writes for {@code subtype} of {@code type}, if it has one. */
    public static Optional<String> subtypeName(int type, int subtype) {
        return nameOf(subtypeNames(type), subtype);
    }

    private static Optional<String> nameOf(Map<String, Integer> names, int value) {
        return names.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey).findFirst();
    }

    private static Map<String, Integer> appSubtypes() {
        Map<String, Integer> m = new LinkedHashMap<>(ordered("factory", APP_FACTORY, "test", APP_TEST));
        for (int i = 0; i < APP_OTA_COUNT; i++) {
            m.put("ota_" + i, APP_OTA_0 + i);
        }
        m.put("tee_0", 0x30);
        m.put("tee_1", 0x31);
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
