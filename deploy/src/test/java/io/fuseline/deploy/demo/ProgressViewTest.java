package io.fuseline.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Progress in a log is plain lines; only a terminal gets the escape codes that redraw the jig lines in place. */
class ProgressViewTest {
    private static final List<DemoRun.JigView> JIGS = List.of(
            new DemoRun.JigView("jig-1", "esp32s3", "7c:df:a1:01:00:01", "", 3, 15, "WRITE_FLASH", Duration.ofSeconds(2)),
            new DemoRun.JigView("jig-2", "esp32c3", "", "", 0, 0, "empty", Duration.ZERO));
    private static final UnitResult DONE = new UnitResult(new PlannedUnit(1, 0, ChipFamily.ESP32S3,
            MacAddress.parse("7c:df:a1:01:00:01"), DemoFault.PRE_BURNED), "jig-1", UnitResult.Verdict.PROVISIONED,
            Optional.empty(), Duration.ofMillis(8400), Duration.ofMillis(7000), 1, 0, null);

    @Test
    void aLogGetsPlainLinesAndAVerdictThatContradictsTheFaultIsMarked() {
        StringWriter s = new StringWriter();
        ProgressView view = new ProgressView(new PrintWriter(s), false);
        view.jigs(JIGS, 0, 2);
        view.unitDone(DONE, 1, 2);
        assertThat(s.toString()).doesNotContain("\033")
                .contains("[ 1/2] jig-1 esp32s3  7c:df:a1:01:00:01  PROVISIONED", "[pre-burned fuses]", "UNEXPECTED");
    }

    @Test
    void aTerminalRedrawsTheJigLinesInPlace() {
        StringWriter s = new StringWriter();
        ProgressView view = new ProgressView(new PrintWriter(s), true);
        view.jigs(JIGS, 0, 2);
        view.jigs(JIGS, 0, 2);
        assertThat(s.toString()).contains("\033[2A\033[J").contains("step 3/15 WRITE_FLASH", "(empty)");
    }
}
