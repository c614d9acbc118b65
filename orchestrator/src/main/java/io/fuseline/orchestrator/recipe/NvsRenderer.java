package io.fuseline.orchestrator.recipe;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.message.UnitNvs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a recipe's NVS template for one unit: every {@code ${name}} in an entry's value is replaced by the unit's
 * value (there is no escape: a recipe cannot write a literal {@code ${}), entries keep the recipe's order. The
 * values are not secret; the identity private key is added by the station, which alone can unwrap it. Stateless and
 * deterministic, so a job sent again renders byte for byte the same description.
 */
public final class NvsRenderer {
    /** {@code ${name}}; the recipe rules accept only {@link Recipe.NvsTemplate#PLACEHOLDERS}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private NvsRenderer() {
    }

    /**
     * What the placeholders stand for: {@code ${mac}} (lowercase with colons), {@code ${chip}} (esptool's name,
     * {@code esp32s3}), {@code ${lot}} (the work order's lot), {@code ${workOrder}} and {@code ${recipe}} (ids).
     */
    public record UnitFacts(MacAddress mac, ChipFamily chip, String lot, String workOrderId, String recipeId) {
        public UnitFacts {
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(chip, "chip");
        }

        private String value(String placeholder) {
            String v = switch (placeholder) {
                case "mac" -> mac.toString();
                case "chip" -> chip.toolName();
                case "lot" -> lot;
                case "workOrder" -> workOrderId;
                case "recipe" -> recipeId;
                default -> throw new IllegalArgumentException("unknown NVS placeholder ${" + placeholder + "}");
            };
            if (v == null) {
                throw new IllegalArgumentException("unit " + mac + " has no value for ${" + placeholder
                        + "} (no work order?)");
            }
            return v;
        }
    }

    /**
     * The unit's partition description.
     *
     * @param certificatePem the device certificate, or null when the recipe issues no identity
     * @throws IllegalArgumentException if a placeholder has no value for this unit
     */
    public static UnitNvs render(Recipe.NvsTemplate template, UnitFacts unit, String certificatePem) {
        List<UnitNvs.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : template.entries().entrySet()) {
            Matcher m = PLACEHOLDER.matcher(e.getValue());
            String value = m.replaceAll(r -> Matcher.quoteReplacement(unit.value(r.group(1))));
            entries.add(new UnitNvs.Entry(e.getKey(), value));
        }
        return new UnitNvs(template.address(), template.sizeBytes(), template.keysAddress(), template.namespace(),
                entries, certificatePem);
    }
}
