package io.fuseline.orchestrator.support;

import static org.awaitility.Awaitility.await;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.messaging.RecordingChannels;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import java.time.Duration;
import java.util.List;

/**
 * Whole-unit scenarios on the real broker, for test classes that need units in a given state before they look at
 * them: a line driver plays the stations and the vault, the recording readers see what the orchestrator sent.
 */
public final class Scenarios {
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final LineDriver line;
    private final RecordingChannels.HsmRequestReader vault;
    private final RecordingChannels.StationJobReader stationJobs;

    public Scenarios(LineDriver line, RecordingChannels.HsmRequestReader vault,
                     RecordingChannels.StationJobReader stationJobs) {
        this.line = line;
        this.vault = vault;
        this.stationJobs = stationJobs;
    }

    public LineDriver line() {
        return line;
    }

    /** Identifies a blank unit, answers its key request as the vault, and returns its first job. */
    public ProvisionJob identifyAndKey(MacAddress mac, String station) {
        line.send(Events.identified(mac, station, "jig-1"));
        KeyMaterialRequested request = awaitVault(KeyMaterialRequested.class, mac, 1);
        line.send(Events.issued(request.requestId(), mac, station));
        return awaitJob(mac, 1);
    }

    /** A unit identified, keyed and run through all its steps. */
    public ProvisionJob provision(MacAddress mac, String station) {
        ProvisionJob job = identifyAndKey(mac, station);
        line.sendAll(Events.run(job, 1, job.steps().size()));
        return job;
    }

    /** A unit whose first step fails transiently on both attempts (the test profile allows two). */
    public void exhaustRetries(MacAddress mac, String station) {
        ProvisionJob first = identifyAndKey(mac, station);
        line.send(Events.failed(first, 1, FailureReason.SERIAL_TIMEOUT));
        ProvisionJob second = awaitJob(mac, 2);
        line.send(Events.failed(second, 1, FailureReason.SERIAL_TIMEOUT));
    }

    /** The job of {@code attempt} sent to the unit's station. */
    public ProvisionJob awaitJob(MacAddress mac, int attempt) {
        return await().atMost(WAIT).until(() -> stationJobs.received().stream().map(CloudEvent::data)
                .filter(ProvisionJob.class::isInstance).map(ProvisionJob.class::cast)
                .filter(j -> j.mac().equals(mac) && j.attempt() == attempt).findFirst(), o -> o.isPresent()).get();
    }

    /** The {@code n}th (1-based) request of {@code type} about {@code mac} the vault received. */
    public <T extends FuselineMessage> T awaitVault(Class<T> type, MacAddress mac, int n) {
        List<T> found = await().atMost(WAIT).until(() -> ofType(type, mac), l -> l.size() >= n);
        return found.get(n - 1);
    }

    /** Every request of {@code type} about {@code mac} the vault received so far. */
    public <T extends FuselineMessage> List<T> ofType(Class<T> type, MacAddress mac) {
        return vault.received().stream().map(CloudEvent::data).filter(type::isInstance).map(type::cast)
                .filter(m -> m.subjectMac().orElseThrow().equals(mac)).toList();
    }
}
