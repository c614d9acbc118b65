package io.fuseline.orchestrator.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.SecretKind;
import org.junit.jupiter.api.Test;

class JobPlanBuilderTest {
    private final Recipe recipe = RecipeBook.load(RecipeReaderTest.DIR).find("sensor-s3-v2").orElseThrow();
    private final JobPlanBuilder plans = new JobPlanBuilder();

    @Test
    void theSampleRecipeYieldsTheGoldenJobsStepsReversibleFirst() {
        KeyMaterialIssued issued = GoldenExamples.message(KeyMaterialIssued.class, "esp32s3");
        ProvisionJob golden = GoldenExamples.message(ProvisionJob.class, "esp32s3-release");

        assertThat(plans.steps(recipe, issued.wrappedKeys())).isEqualTo(golden.steps());
        assertThat(plans.images(recipe)).isEqualTo(golden.images());
        assertThat(plans.burnedKeyIds(recipe, issued.wrappedKeys())).containsExactly("k-fe-0001");
    }

    @Test
    void aJobBuiltFromThePlanPassesTheContractsStepOrderRules() {
        KeyMaterialIssued issued = GoldenExamples.message(KeyMaterialIssued.class, "esp32s3");
        ProvisionJob job = new ProvisionJob("job-1", issued.mac(), issued.chip(), "st-01", "jig-3", "wo-1",
                recipe.id(), 1, issued.requestId(), plans.images(recipe), issued.wrappedKeys(),
                plans.steps(recipe, issued.wrappedKeys()));
        // encode() runs the schema and the ProvisionJob validator (numbering, order, protect-after-burn).
        assertThat(new CloudEventCodec().encode(CloudEvent.of("/test", job)).data()).isNotEmpty();
    }

    @Test
    void theSecretsRequestedMatchTheGoldenRequest() {
        KeyMaterialRequested golden = GoldenExamples.message(KeyMaterialRequested.class, "esp32s3");
        assertThat(plans.secrets(recipe)).isEqualTo(golden.secrets());
        assertThat(plans.secrets(recipe)).extracting(s -> s.kind()).contains(SecretKind.NVS_ENCRYPTION_KEY);
        assertThat(GoldenExamples.of(MessageType.PROVISION_JOB)).isNotEmpty();
    }
}
