package io.fuseline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.deploy.cli.FuselineCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FuselineCommandTest {

    @Test
    void helpListsTheSubcommandsAndTheTwoReadmeCommands() {
        Run run = Run.of("--help");
        assertThat(run.code).isZero();
        assertThat(run.out).contains("demo", "broker", "doctor", "./fuseline demo", "./fuseline test");
    }

    @Test
    void unknownSubcommandIsAUsageErrorNotAStackTrace() {
        Run run = Run.of("frobnicate");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("frobnicate").doesNotContain("Exception");
    }

    @Test
    void demoSaysHonestlyThatTheLineIsNotThereYet() {
        Run run = Run.of("demo");
        assertThat(run.code).isNotZero();
        assertThat(run.out).contains("not there yet", "./fuseline broker");
    }

    @Test
    void brokerStartsOnLoopbackPrintsItsAddressAndStartTimeThenStops() {
        Run run = Run.of("broker", "--port", "0", "--exit-when-ready");
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).containsPattern("Kafka broker ready in \\d+\\.\\d s")
                .containsPattern("bootstrap servers: 127\\.0\\.0\\.1:\\d+");
    }

    /** Captures what a command line prints; picocli writes to System.out/err by default. */
    record Run(int code, String out, String err) {
        static synchronized Run of(String... args) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int code = FuselineCommand.execute(args);
                return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }
}
