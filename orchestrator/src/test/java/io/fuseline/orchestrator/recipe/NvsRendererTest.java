package io.fuseline.orchestrator.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.schemas.message.UnitNvs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NvsRendererTest {
    private static final MacAddress MAC = MacAddress.parse("24:0a:c4:12:34:56");
    private static final NvsRenderer.UnitFacts UNIT = new NvsRenderer.UnitFacts(MAC, ChipFamily.ESP32C3, "L$1\\x",
            "wo-9", "sensor-c3");

    @Test
    void everyPlaceholderIsReplacedInTheRecipesOrder() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("wo", "${workOrder}");
        entries.put("serial", "${mac}");
        entries.put("label", "${recipe}/${chip} lot ${lot}");
        entries.put("plain", "no placeholder, a $ and a {brace}");
        Recipe.NvsTemplate template = new Recipe.NvsTemplate("app", true, 0x9000, 0x6000, 0xF000L, entries);

        UnitNvs nvs = NvsRenderer.render(template, UNIT, null);

        assertThat(nvs.entries()).containsExactly(new UnitNvs.Entry("wo", "wo-9"),
                new UnitNvs.Entry("serial", "24:0a:c4:12:34:56"),
                new UnitNvs.Entry("label", "sensor-c3/esp32c3 lot L$1\\x"),
                new UnitNvs.Entry("plain", "no placeholder, a $ and a {brace}"));
        assertThat(nvs.namespace()).isEqualTo("app");
        assertThat(nvs.address()).isEqualTo(0x9000);
        assertThat(nvs.sizeBytes()).isEqualTo(0x6000);
        assertThat(nvs.keysAddress()).isEqualTo(0xF000L);
        assertThat(nvs.certificatePem()).isNull();
    }

    @Test
    void renderingTwiceGivesTheSameDescription() {
        Recipe.NvsTemplate template = new Recipe.NvsTemplate("app", false, 0x9000, 0x3000, null,
                Map.of("a", "${mac}", "b", "${lot}", "c", "${chip}"));
        assertThat(NvsRenderer.render(template, UNIT, "pem").digest())
                .isEqualTo(NvsRenderer.render(template, UNIT, "pem").digest());
    }

    @Test
    void aUnitWithoutALotCannotRenderATemplateThatNeedsOne() {
        Recipe.NvsTemplate template = new Recipe.NvsTemplate("app", false, 0x9000, 0x3000, null,
                Map.of("lot", "${lot}"));
        NvsRenderer.UnitFacts noLot = new NvsRenderer.UnitFacts(MAC, ChipFamily.ESP32C3, null, "wo-9", "r");
        assertThatThrownBy(() -> NvsRenderer.render(template, noLot, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24:0a:c4:12:34:56").hasMessageContaining("${lot}");
    }
}
