package io.fuseline.orchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsAreQuotedAsRfc4180SaysAndFormulasAreDefused() {
        String csv = Csv.of(List.of("a", "b", "c", "d"),
                List.of(Arrays.asList("wo,1", "say \"hi\"", null, 12.5), List.of("=HYPERLINK(1)", "-3", -3, "@x")));
        assertThat(csv).isEqualTo("a,b,c,d\r\n\"wo,1\",\"say \"\"hi\"\"\",,12.5\r\n'=HYPERLINK(1),'-3,-3,'@x\r\n");
    }
}
