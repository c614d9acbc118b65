package io.fuseline.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @Test
    void producesAndConsumesOnLoopbackAndKeepsDataAcrossARestart(@TempDir Path dir) throws Exception {
        BrokerOptions options = BrokerOptions.defaults().withDataDir(dir);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(options)) {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            assertThat(broker.startupTime()).isPositive();
            send(broker.bootstrapServers(), "fuseline.test", "aa:bb:cc:dd:ee:01", "first");
            assertThat(readAll(broker.bootstrapServers(), "fuseline.test", 1)).containsExactly("first");
        }
        assertThat(dir.resolve("logs/meta.properties")).exists();

        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(options)) {
            send(again.bootstrapServers(), "fuseline.test", "aa:bb:cc:dd:ee:01", "second");
            assertThat(readAll(again.bootstrapServers(), "fuseline.test", 2)).containsExactly("first", "second");
        }
    }

    @Test
    void aThrowAwayBrokerDeletesItsDataOnClose() {
        Path dataDir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            dataDir = broker.dataDir();
            assertThat(dataDir).exists();
        }
        assertThat(Files.exists(dataDir)).isFalse();
    }

    @Test
    void autoFallsBackToTheEmbeddedBrokerWithoutADockerEngine() {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestcontainersKafkaBroker.dockerAvailable(),
                "a Docker engine is running here, so auto would pick Testcontainers");
        try (KafkaBroker broker = TestKafkaBroker.start(BrokerKind.AUTO, BrokerOptions.defaults())) {
            assertThat(broker.kind()).isEqualTo(BrokerKind.EMBEDDED);
        }
    }

    private static void send(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
