package io.fuseline.esp.partition;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A partition table: entries in table order. {@link #toBytes()} and {@link #parse} are the binary form
 * written at {@link #DEFAULT_OFFSET}; {@link PartitionCsv} the CSV form. Immutable, thread-safe.
 */
public record PartitionTable(List<PartitionEntry> entries) {
    /** Where ESP-IDF puts the table unless configured otherwise. */
    public static final long DEFAULT_OFFSET = 0x8000;
    /** Bytes of the binary table (entries, MD5 entry, 0xFF padding). */
    public static final int SIZE = PartitionTableBinary.SIZE;
    /** Flash the table reserves: one 4 KB sector; the first partition starts at or after offset + this. */
    public static final int SECTOR = 0x1000;
    /** Most entries a table holds. */
    public static final int MAX_ENTRIES = PartitionTableBinary.MAX_ENTRIES;

    public PartitionTable {
        entries = List.copyOf(entries);
    }

    /**
     * The {@value #SIZE}-byte binary table: entries, MD5 entry, 0xFF padding. Does not {@link #validate}.
     *
     * @throws PartitionTableException with {@link PartitionProblem.TooManyEntries} above {@value #MAX_ENTRIES}
     */
    public byte[] toBytes() {
        return PartitionTableBinary.generate(entries);
    }

    /**
     * Reads a binary table: entries up to the first all-0xFF entry, checking the MD5 entry if there is one
     * (tables made with {@code --disable-md5sum} have none and are accepted, as gen_esp32part accepts them).
     * Trailing bytes after the end marker are ignored, so a whole 4 KB sector read from flash works.
     *
     * @throws PartitionTableException with {@link PartitionProblem.Md5Mismatch} (stored and computed digest),
     *                                 {@link PartitionProblem.BadMagic} or {@link PartitionProblem.MissingEndMarker}
     */
    public static PartitionTable parse(byte[] bytes) {
        return new PartitionTable(PartitionTableBinary.parse(bytes));
    }

    /** The partition called {@code name}. */
    public Optional<PartitionEntry> find(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** All partitions of {@code type}/{@code subtype}, in table order. */
    public List<PartitionEntry> findAll(int type, int subtype) {
        return entries.stream().filter(e -> e.type() == type && e.subtype() == subtype).toList();
    }

    /** The first data/nvs partition: where ESP-IDF's default NVS ({@code nvs_flash_init}) lives. */
    public Optional<PartitionEntry> nvs() {
        return first(PartitionTypes.DATA, PartitionTypes.DATA_NVS);
    }

    /** The first data/nvs_keys partition, holding the NVS encryption keys (normally flagged encrypted). */
    public Optional<PartitionEntry> nvsKeys() {
        return first(PartitionTypes.DATA, PartitionTypes.DATA_NVS_KEYS);
    }

    /** The factory app partition. */
    public Optional<PartitionEntry> factoryApp() {
        return first(PartitionTypes.APP, PartitionTypes.APP_FACTORY);
    }

    /** The OTA app slots ota_0..ota_15 that exist, ordered by slot. */
    public List<PartitionEntry> otaApps() {
        return entries.stream().filter(e -> e.isApp() && e.subtype() >= PartitionTypes.APP_OTA_0
                        && e.subtype() < PartitionTypes.APP_OTA_0 + PartitionTypes.APP_OTA_COUNT)
                .sorted(Comparator.comparingInt(PartitionEntry::subtype)).toList();
    }

    /** The otadata partition (data/ota), which selects the OTA slot to boot. */
    public Optional<PartitionEntry> otaData() {
        return first(PartitionTypes.DATA, PartitionTypes.DATA_OTA);
    }

    /** The app the bootloader boots when otadata is empty: factory, else ota_0. */
    public Optional<PartitionEntry> bootApp() {
        return factoryApp().or(() -> otaApps().stream().findFirst());
    }

    /** Every layout problem, for a table written at {@link #DEFAULT_OFFSET}; empty means valid. */
    public List<PartitionProblem> validate() {
        return validate(DEFAULT_OFFSET);
    }

    /** Every layout problem, for a table written at {@code tableOffset}; empty means valid. */
    public List<PartitionProblem> validate(long tableOffset) {
        return PartitionTableValidator.validate(this, tableOffset);
    }

    private Optional<PartitionEntry> first(int type, int subtype) {
        return findAll(type, subtype).stream().findFirst();
    }
}
