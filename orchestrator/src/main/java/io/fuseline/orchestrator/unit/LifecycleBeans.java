package io.fuseline.orchestrator.unit;

import io.fuseline.orchestrator.lifecycle.LifecyclePolicy;
import io.fuseline.orchestrator.lifecycle.UnitLifecycle;
import io.fuseline.orchestrator.recipe.RecipeBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/** Wires the pure lifecycle into the service: recipes read once at start (an invalid file stops the start). */
class LifecycleBeans {

    @Produces
    @ApplicationScoped
    RecipeBook recipes(LifecycleConfig config) {
        return RecipeBook.load(Path.of(config.recipesDir()));
    }

    @Produces
    @ApplicationScoped
    UnitLifecycle lifecycle(LifecycleConfig config, RecipeBook recipes) {
        return new UnitLifecycle(new LifecyclePolicy(config.maxAttempts()), recipes,
                prefix -> prefix + "-" + UUID.randomUUID());
    }

    /** The orchestrator's clock: audit times and station silence are measured with it, never with a station's. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
