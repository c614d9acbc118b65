package io.fuseline.orchestrator.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.StepKind;
import io.fuseline.schemas.message.StepParams;
import io.fuseline.schemas.message.UnitNvs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan of the sample recipe against the golden v2 job (the unit's own nvs and nvs_keys partitions between the
 * partition table and the app, written and verified with the release images, before any burn).
 */
class JobPlanBuilderTest {
    private final Recipe recipe = RecipeBook.load(RecipeReaderTest.DIR).find("sensor-s3-v2").orElseThrow();
    private final JobPlanBuilder plans = new JobPlanBuilder();
    private final KeyMaterialIssued issued = GoldenExamples.message(KeyMaterialIssued.class, "esp32s3");
    private final ProvisionJob golden = (ProvisionJob) GoldenExamples.get(MessageType.PROVISION_JOB_V2,
            "esp32s3-release").message();
    private final NvsRenderer.UnitFacts unit = new NvsRenderer.UnitFacts(issued.mac(), issued.chip(), "lot-2025-03-a",
            golden.workOrderId(), recipe.id());

    @Test
    void theSampleRecipeYieldsTheGoldenJobsPartitionAndStepsReversibleFirst() {
        UnitNvs nvs = plans.nvs(recipe, unit, issued.certificatePem());

        assertThat(nvs).isEqualTo(golden.nvs());
        assertThat(plans.steps(recipe, issued.wrappedKeys(), nvs)).isEqualTo(golden.steps());
        assertThat(plans.images(recipe)).isEqualTo(golden.images());
        assertThat(plans.burnedKeyIds(recipe, issued.wrappedKeys())).containsExactly("k-fe-0001");
    }

    @Test
    void thePerUnitPartitionsAreNamedByTheirDescriptionAndOnlyTheKeysPartitionIsFlashEncrypted() {
        UnitNvs nvs = plans.nvs(recipe, unit, issued.certificatePem());
        List<StepParams> writes = plans.steps(recipe, issued.wrappedKeys(), nvs).stream()
                .filter(s -> s.kind() == StepKind.WRITE_FLASH).map(JobStep::params).toList();

        assertThat(writes).extracting(StepParams::image)
                .containsExactly("bootloader", "partition-table", "nvs", "nvs_keys", "app");
        assertThat(writes).filteredOn(p -> p.image().startsWith("nvs")).allSatisfy(p ->
                assertThat(p.imageDigest()).isEqualTo(nvs.digest()));
        assertThat(writes.get(2).keyId()).isNull();
        assertThat(writes.get(2).address()).isEqualTo(0x9000);
        assertThat(writes.get(3).keyId()).isEqualTo("k-fe-0001");
        assertThat(writes.get(3).address()).isEqualTo(0xF000);
    }

    @Test
    void aJobBuiltFromThePlanIsAV2JobThatPassesTheContract() {
        UnitNvs nvs = plans.nvs(recipe, unit, issued.certificatePem());
        ProvisionJob job = new ProvisionJob("job-1", issued.mac(), issued.chip(), "st-01", "jig-3", "wo-1",
                recipe.id(), 1, issued.requestId(), plans.images(recipe), issued.wrappedKeys(),
                plans.steps(recipe, issued.wrappedKeys(), nvs), nvs);
        // encode() runs the schema and the ProvisionJob validator (numbering, order, the partition's rules).
        EncodedEvent encoded = new CloudEventCodec().encode(CloudEvent.of("/test", job));
        assertThat(new String(encoded.headers().get("ce_type"), StandardCharsets.UTF_8))
                .isEqualTo(MessageType.PROVISION_JOB_V2.type());
    }

    @Test
    void theSecretsRequestedMatchTheGoldenRequest() {
        KeyMaterialRequested request = GoldenExamples.message(KeyMaterialRequested.class, "esp32s3");
        assertThat(plans.secrets(recipe)).isEqualTo(request.secrets());
        assertThat(plans.secrets(recipe)).extracting(s -> s.kind())
                .contains(SecretKind.NVS_ENCRYPTION_KEY, SecretKind.DEVICE_IDENTITY_KEY);
    }

    @Test
    void anIdentityWithoutItsCertificateOrAPartitionThatDoesNotGoWithTheRecipeIsRefused() {
        assertThatThrownBy(() -> plans.nvs(recipe, unit, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(issued.mac().toString()).hasMessageContaining("no device certificate");
        assertThatThrownBy(() -> plans.steps(recipe, issued.wrappedKeys(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renders an NVS partition");
    }
}
