package io.fuseline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuselineCommandTest {

    @Test
    void helpListsTheSubcommandsAndTheTwoReadmeCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("demo", "broker", "doctor", "./fuseline demo", "./fuseline test");
    }

    @Test
    void unknownSubcommandIsAUsageErrorNotAStackTrace() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate").doesNotContain("Exception");
    }

    @Test
    void demoHelpNamesItsOptionsAndWhatItStarts() {
        CliRun run = CliRun.of("demo", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--units", "--jigs", "--faults", "--data-dir", "--keep", "127.0.0.1",
                "Ctrl-C");
    }

    @Test
    void demoRefusesMoreFaultsThanUnitsCanCarryBeforeStartingAnything() {
        CliRun run = CliRun.of("demo", "--units", "4", "--jigs", "3", "--faults", "2");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--faults must be 0..1");
    }

    @Test
    void brokerStartsOnLoopbackPrintsItsAddressAndStartTimeThenStops() {
        CliRun run = CliRun.of("broker", "--port", "0", "--exit-when-ready");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Kafka broker ready in \\d+\\.\\d s")
                .containsPattern("bootstrap servers: 127\\.0\\.0\\.1:\\d+");
    }
}
