package io.fuseline.station.service;

import io.fuseline.station.identity.StationIdentity;
import io.fuseline.station.identity.StationKeyStore;
import io.fuseline.station.job.JobExecutor;
import io.fuseline.station.job.JobSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/** Wires the plain-Java parts (station key, job executor) into CDI. */
public class StationServices {

    @Produces
    @Singleton
    StationIdentity identity(StationConfig config) {
        StationIdentity id = StationKeyStore.loadOrCreate(config.keystore(), config.keystorePasswordFile(),
                config.id());
        try {
            StationKeyStore.exportPublicKey(id, config.publicKeyFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("fuseline.station.public-key-file " + config.publicKeyFile()
                    + " cannot be written: " + e.getMessage(), e);
        }
        return id;
    }

    @Produces
    @Singleton
    JobExecutor executor(StationIdentity identity, StationConfig config, KafkaEventSink sink, MeterRegistry meters) {
        return new JobExecutor(identity.unwrapper(), new ArtifactDirectory(config.artifactsDir()), sink,
                (kind, nanos, ok) -> Timer.builder("fuseline.station.step")
                        .description("Duration of one provisioning step on a unit")
                        .tag("kind", kind.name()).tag("outcome", ok ? "ok" : "failed")
                        .register(meters).record(nanos, TimeUnit.NANOSECONDS),
                JobSettings.defaults());
    }
}
