package io.fuseline.orchestrator.support;

import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.StationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the stations and the vault on a real broker: sends their events as CloudEvents on the topic and with the key
 * the contract says. Close it after the test class.
 */
public final class LineDriver implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventCodec codec = new CloudEventCodec();

    public LineDriver(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code message} as a new event from its station (or the vault) and returns the event sent. */
    public CloudEvent<FuselineMessage> send(FuselineMessage message) {
        String source = Topics.topicOf(message) == io.fuseline.schemas.Topic.HSM_RESULTS ? "/fuseline/hsm-signer"
                : "/fuseline/station/" + ((StationScoped) message).stationId();
        CloudEvent<FuselineMessage> event = CloudEvent.of(source, message);
        resend(event);
        return event;
    }

    /** Sends events in order (one key: they stay in order on their partition). */
    public void sendAll(List<FuselineMessage> messages) {
        messages.forEach(this::send);
    }

    /** Sends an event again, same id: what an at-least-once producer does after a lost acknowledgement. */
    public void resend(CloudEvent<FuselineMessage> event) {
        EncodedEvent encoded = codec.encode(event);
        RecordHeaders headers = new RecordHeaders();
        encoded.headers().forEach(headers::add);
        try {
            producer.send(new ProducerRecord<>(Topics.topicOf(event.data()).topicName(), null,
                    Topics.keyFor(event.data()), encoded.data(), headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + event.type(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
