package io.fuseline.esp.efuse;

import io.fuseline.esp.ChipFamily;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The eFuse field names of each chip family, loaded from the tables espefuse generates from its YAML definitions
 * (copied verbatim into this module's resources). Field names are espefuse's, so an operator can cross-check
 * any value against {@code espefuse summary}.
 */
public final class EfuseFieldCatalog {
    private static final Map<ChipFamily, EfuseFieldCatalog> CATALOGS = new EnumMap<>(ChipFamily.class);

    private final ChipFamily chip;
    private final Map<String, EfuseField> byName;

    private EfuseFieldCatalog(ChipFamily chip, Map<String, EfuseField> byName) {
        this.chip = chip;
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The catalog for a chip family; loaded once, thread-safe. */
    public static synchronized EfuseFieldCatalog of(ChipFamily chip) {
        return CATALOGS.computeIfAbsent(chip, EfuseFieldCatalog::load);
    }

    public ChipFamily chip() { return chip; }

    public Collection<EfuseField> fields() { return byName.values(); }

    /** Looks a field up by its name or one of its espefuse aliases. */
    public Optional<EfuseField> field(String name) {
        EfuseField f = byName.get(name);
        if (f != null) {
            return Optional.of(f);
        }
        return byName.values().stream().filter(x -> x.aliases().contains(name)).findFirst();
    }

    public boolean contains(String name) { return field(name).isPresent(); }

    private static EfuseFieldCatalog load(ChipFamily chip) {
        String resource = "fields_" + chip.toolName() + ".tsv";
        try (InputStream in = EfuseFieldCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("eFuse field table " + resource + " is missing from esp-chip");
            }
            Map<String, EfuseField> fields = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (header == null || !header.startsWith("name\tblock\tword\tpos\tlen")) {
                throw new IllegalStateException(resource + " has an unexpected header: " + header);
            }
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                EfuseField f = parse(line, resource);
                fields.put(f.name(), f);
            }
            return new EfuseFieldCatalog(chip, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static EfuseField parse(String line, String resource) {
        String[] c = line.split("\t", -1);
        if (c.length < 11) {
            throw new IllegalStateException(resource + ": expected 11 columns in '" + line + "'");
        }
        List<String> aliases = c[8].isBlank() ? List.of()
                : new ArrayList<>(Arrays.asList(c[8].trim().split("[ ,]+")));
        return new EfuseField(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), Integer.parseInt(c[3]),
                Integer.parseInt(c[4]), c[5], optionalInt(c[6]), optionalInt(c[7]), aliases, c[10]);
    }

    private static OptionalInt optionalInt(String s) {
        return s.isBlank() || s.equals("None") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s));
    }
}
