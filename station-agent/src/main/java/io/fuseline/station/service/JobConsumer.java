package io.fuseline.station.service;

import io.fuseline.schemas.ContractViolation;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.ProvisionJob;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads {@code fuseline.station.jobs}: a record that breaks its contract (or is not a ProvisionJob) is nacked and
 * dead-lettered with the reason; a job for another station is acknowledged and ignored; a job for this station is
 * queued on the jig of its unit. Never blocks: the jig's worker thread runs the job.
 */
@ApplicationScoped
public class JobConsumer {

    private static final Logger LOG = Logger.getLogger(JobConsumer.class);

    private final CloudEventCodec codec = new CloudEventCodec();
    private final StationConfig config;
    private final JigManager jigs;

    JobConsumer(StationConfig config, JigManager jigs) {
        this.config = config;
        this.jigs = jigs;
    }

    @Incoming("station-jobs")
    public CompletionStage<Void> consume(Message<byte[]> message) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(m -> {
            for (Header h : m.getHeaders()) {
                headers.put(h.key(), h.value());
            }
        });
        ProvisionJob job;
        try {
            CloudEvent<ProvisionJob> event = codec.decode(headers, message.getPayload(), ProvisionJob.class);
            job = event.data();
        } catch (ContractViolation violation) {
            LOG.warnf("dead-lettering a job record: [%s] %s", violation.kind().code(), violation.getMessage());
            return message.nack(violation);
        }
        if (!config.id().equals(job.stationId())) {
            LOG.debugf("job %s is for station %s, not %s: ignored", job.jobId(), job.stationId(), config.id());
            return message.ack();
        }
        LOG.infof("job %s received for unit %s (attempt %d, %d steps)", job.jobId(), job.mac(), job.attempt(),
                job.steps().size());
        jigs.submit(job);
        return message.ack();
    }
}
