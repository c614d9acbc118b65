package io.fuseline.orchestrator.recipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The recipes a line knows, by id. Immutable once loaded, so lookups are thread-safe.
 */
public final class RecipeBook {
    private final Map<String, Recipe> byId;

    public RecipeBook(Collection<Recipe> recipes) {
        Map<String, Recipe> map = new TreeMap<>();
        for (Recipe r : recipes) {
            if (map.putIfAbsent(r.id(), r) != null) {
                throw new IllegalArgumentException("recipe id '" + r.id() + "' is defined twice");
            }
        }
        this.byId = Map.copyOf(map);
    }

    /**
     * Loads every {@code *.json} in {@code dir}, failing on the first invalid file with all of that file's problems
     * (a line must not start with a recipe it cannot trust), and on two files with one id.
     */
    public static RecipeBook load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RecipeException(dir.toString(), List.of(dir + ": is not a directory of recipe files"));
        }
        RecipeReader reader = new RecipeReader();
        List<Recipe> recipes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                recipes.add(reader.read(file.getFileName().toString(), Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recipes in " + dir, e);
        }
        return new RecipeBook(recipes);
    }

    public Optional<Recipe> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Collection<Recipe> all() { return byId.values(); }
}
