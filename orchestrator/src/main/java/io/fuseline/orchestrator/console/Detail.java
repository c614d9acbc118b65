package io.fuseline.orchestrator.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One labelled value on a page: a line of evidence, a fact about a key. Evidence arrives as JSON; a page shows its
 * members as name and value, nested values as compact JSON (the templates escape them).
 */
public record Detail(String name, String value) {

    /** The members of a JSON object (none for null or a non-object, which is shown as one {@code value}). */
    public static List<Detail> of(JsonNode json) {
        List<Detail> out = new ArrayList<>();
        if (json == null || json.isNull() || json.isMissingNode()) {
            return out;
        }
        if (!json.isObject()) {
            out.add(new Detail("value", text(json)));
            return out;
        }
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            out.add(new Detail(member.getKey(), text(member.getValue())));
        }
        return out;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
