package io.fuseline.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.partition.PartitionEntry;
import io.fuseline.esp.partition.PartitionTable;
import io.fuseline.orchestrator.recipe.Recipe;
import io.fuseline.orchestrator.recipe.RecipeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo recipe passes the orchestrator's own recipe rules, and its per-unit NVS partition sits exactly where the
 * release's partition table puts {@code nvs} and {@code nvs_keys}, encrypted, with the unit's identity.
 */
class DemoRecipeTest {

    @BeforeAll
    static void signingKey() throws IOException {
        DemoReleaseTest.signingKey();
    }

    @ParameterizedTest
    @EnumSource(ChipFamily.class)
    void theRecipeLoadsAndItsNvsPartitionsAreThePartitionTables(ChipFamily chip) {
        DemoRelease release = new DemoRelease(chip, "1.0.0", 1024);
        List<ReleaseImage> images = release.build(DemoReleaseTest.signer);
        String json = DemoRecipe.json(release, images, "ab".repeat(32));

        Recipe recipe = new RecipeReader().read(DemoRecipe.id(chip) + ".json", json.getBytes(StandardCharsets.UTF_8));

        PartitionTable table = PartitionTable.parse(images.get(1).bytes());
        PartitionEntry nvs = table.nvs().orElseThrow();
        PartitionEntry keys = table.nvsKeys().orElseThrow();
        assertThat(recipe.nvs().address()).isEqualTo(nvs.offset());
        assertThat(recipe.nvs().sizeBytes()).isEqualTo(nvs.size());
        assertThat(recipe.nvs().keysAddress()).isEqualTo(keys.offset());
        assertThat(recipe.nvs().encrypted()).isTrue();
        assertThat(recipe.deviceIdentity()).isTrue();
        assertThat(recipe.nvs().entries()).containsEntry("serial", "${mac}");
    }
}
