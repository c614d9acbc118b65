package io.fuseline.orchestrator.recipe;

import java.util.List;

/**
 * A recipe file is invalid. Each problem names the file, the field (a JSON pointer) and the reason, e.g.
 * {@code sensor.json: /firmware/images/0/sha256: must be 64 lowercase hex digits}.
 */
public class RecipeException extends RuntimeException {
    private final List<String> problems;

    public RecipeException(String source, List<String> problems) {
        super("invalid recipe " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
