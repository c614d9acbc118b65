package io.fuseline.orchestrator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.CloudEventHeaders;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.examples.GoldenExamples;
import io.fuseline.schemas.message.DeviceAttached;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * CloudEvents through SmallRye Reactive Messaging Kafka channels on a real KRaft broker (no Dev Services): a command
 * out and back in through another channel, and poison records dead-lettered while the consumer keeps consuming.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
class CloudEventChannelIT {

    @Inject
    CommandPublisher publisher;
    @Inject
    RecordingChannels.HsmRequestReader hsmReader;
    @Inject
    RecordingChannels.AcceptedEvents sink;
    @Inject
    CloudEventCodec codec;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aCommandSentThroughOneChannelArrivesIntactInAnother() throws Exception {
        KeyMaterialRequested request = GoldenExamples.message(KeyMaterialRequested.class, "esp32s3");
        CloudEvent<KeyMaterialRequested> sent = CloudEvent.of("/fuseline/orchestrator", request);

        publisher.publishHsmRequest(sent).toCompletableFuture().get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> hsmReader.received().stream()
                .anyMatch(e -> e.id().equals(sent.id())));
        CloudEvent<?> got = hsmReader.received().stream().filter(e -> e.id().equals(sent.id())).findFirst().orElseThrow();
        assertThat(got.data()).isEqualTo(request);
        assertThat(got.type()).isEqualTo("io.fuseline.keymaterial.requested.v1");
        assertThat(got.subject()).isEqualTo(request.mac().toString());
        assertThat(hsmReader.keys()).contains(request.mac().toString());
    }

    @Test
    void poisonRecordsGoToTheDlqWithReasonAndOriginAndTheConsumerKeepsConsuming() throws Exception {
        DeviceAttached golden = GoldenExamples.message(DeviceAttached.class, "esp32-cp2102");
        // A station of its own: the profile's application (and database) is shared with the other test classes.
        DeviceAttached attached = new DeviceAttached("st-channel-it", golden.jigId(), golden.port(),
                golden.usbVendorId(), golden.usbProductId());
        EncodedEvent good = codec.encode(CloudEvent.of("/fuseline/station/st-01", attached));

        Map<String, byte[]> unknownType = new HashMap<>(good.headers());
        unknownType.put(CloudEventHeaders.TYPE, "io.fuseline.device.teleported.v1".getBytes(StandardCharsets.UTF_8));
        byte[] oversized = new byte[70_000];
        java.util.Arrays.fill(oversized, (byte) ' ');
        oversized[0] = '{';
        oversized[oversized.length - 1] = '}';

        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, "poison-json", good.headers(), "{\"stationId\": ".getBytes(StandardCharsets.UTF_8));
            send(producer, "poison-type", unknownType, good.data());
            send(producer, "poison-size", good.headers(), oversized);
            send(producer, "st-01", good.headers(), good.data());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> sink.accepted().stream()
                .anyMatch(e -> e.data().equals(attached)));

        List<ConsumerRecord<String, byte[]>> dead = readDlq(3);
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("poison-json", "poison-type",
                "poison-size");
        for (ConsumerRecord<String, byte[]> r : dead) {
            assertThat(header(r, Topics.DLQ_TOPIC_HEADER)).isEqualTo(Topics.STATION_EVENTS);
            assertThat(header(r, Topics.DLQ_PARTITION_HEADER)).isEqualTo("0");
            assertThat(header(r, Topics.DLQ_OFFSET_HEADER)).matches("\\d+");
            assertThat(header(r, Topics.DLQ_REASON_HEADER)).isNotBlank();
        }
        // Each as it arrived.
        assertThat(dead).filteredOn(r -> r.key().equals("poison-json")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("{\"stationId\": ".getBytes(StandardCharsets.UTF_8)));
        assertThat(dead).filteredOn(r -> r.key().equals("poison-type")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(good.data()));
        assertThat(dead).filteredOn(r -> r.key().equals("poison-size")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(oversized));
        assertThat(reasonOf(dead, "poison-json")).contains("FLS-103");
        assertThat(reasonOf(dead, "poison-type")).contains("FLS-102").contains("io.fuseline.device.teleported.v1");
        assertThat(reasonOf(dead, "poison-size")).contains("FLS-106").contains("65536");
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, Map<String, byte[]> headers,
                             byte[] data) throws Exception {
        producer.send(new ProducerRecord<>(Topics.STATION_EVENTS, null, key, data,
                KafkaCloudEventHeaders.fromMap(headers))).get(30, TimeUnit.SECONDS);
    }

    private List<ConsumerRecord<String, byte[]>> readDlq(int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.DLQ));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static String reasonOf(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(r -> header(r, Topics.DLQ_REASON_HEADER))
                .findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
