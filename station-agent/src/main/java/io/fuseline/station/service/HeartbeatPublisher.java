package io.fuseline.station.service;

import io.fuseline.schemas.message.StationHeartbeat;
import io.fuseline.station.identity.StationIdentity;
import io.fuseline.station.job.EventSink;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Publishes a StationHeartbeat every {@code fuseline.station.heartbeat-interval} from its own daemon thread. */
@ApplicationScoped
public class HeartbeatPublisher {

    private final StationConfig config;
    private final EventSink sink;
    private final JigManager jigs;
    private final StationIdentity identity;
    private final long started = System.nanoTime();
    private ScheduledExecutorService timer;

    HeartbeatPublisher(StationConfig config, EventSink sink, JigManager jigs, StationIdentity identity) {
        this.config = config;
        this.sink = sink;
        this.jigs = jigs;
        this.identity = identity;
    }

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "station-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long ms = config.heartbeatInterval().toMillis();
        timer.scheduleAtFixedRate(this::beat, 0, ms, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void beat() {
        try {
            sink.emit(new StationHeartbeat(config.id(), config.softwareVersion(), identity.fingerprint(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), jigs.statuses()));
        } catch (RuntimeException e) {
            org.jboss.logging.Logger.getLogger(HeartbeatPublisher.class).warnf("heartbeat not sent: %s",
                    e.getMessage());
        }
    }
}
