package io.fuseline.hsm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fuseline.schemas.Topics;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.envelope.P256;
import io.fuseline.schemas.message.CheckpointRequested;
import io.fuseline.schemas.message.CheckpointSigned;
import io.fuseline.schemas.message.FuselineMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The service on a real KRaft broker with a software vault from a test ceremony: a CheckpointRequested in (keyed
 * {@code line}), a CheckpointSigned out on {@code fuseline.hsm.results} whose signature verifies with the vault audit
 * key's public key as the ceremony exported it; a redelivered request gets the same answer.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = CeremonyResource.class, restrictToAnnotatedClass = true)
class CheckpointServiceIT {
    private final CloudEventCodec codec = new CloudEventCodec();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "test.station-dir")
    Path ceremonyDir;

    @Test
    void aCheckpointRequestIsAnsweredWithASignatureTheVaultAuditKeyVerifies() throws Exception {
        String hash = HexFormat.of().formatHex(CheckpointStatement.digest(0, "0".repeat(64))); // any SHA-256
        CheckpointRequested request = new CheckpointRequested("ckpt-it-1", 1041, hash, Instant.now());
        CloudEvent<CheckpointRequested> event = CloudEvent.of("/fuseline/orchestrator", request);
        send(event);
        send(event); // redelivered: same id

        List<ConsumerRecord<String, byte[]>> answers = readAnswers(2);
        PublicKey auditKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                Files.readAllBytes(ceremonyDir.resolve("audit.x509"))));
        CheckpointSigned signed = (CheckpointSigned) decode(answers.get(0)).data();

        assertThat(answers).extracting(ConsumerRecord::key).containsOnly("line");
        assertThat(signed.requestId()).isEqualTo("ckpt-it-1");
        assertThat(signed.sequence()).isEqualTo(1041);
        assertThat(signed.recordHash()).isEqualTo(hash);
        assertThat(signed.keyId()).isEqualTo("audit-checkpoint");
        assertThat(signed.publicKeyFingerprint()).isEqualTo(P256.fingerprintHex(auditKey));
        assertThat(CheckpointStatement.verify(auditKey, 1041, hash, Base64.getDecoder().decode(signed.signature())))
                .isTrue();
        assertThat(CheckpointStatement.verify(auditKey, 1040, hash, Base64.getDecoder().decode(signed.signature())))
                .isFalse();
        assertThat(decode(answers.get(1)).data()).as("the redelivered request's answer").isEqualTo(signed);
    }

    private void send(CloudEvent<CheckpointRequested> event) throws Exception {
        EncodedEvent encoded = codec.encode(event);
        RecordHeaders headers = new RecordHeaders();
        encoded.headers().forEach(headers::add);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.HSM_REQUESTS, null, Topics.keyFor(event.data()), encoded.data(),
                    headers)).get(30, TimeUnit.SECONDS);
        }
    }

    private List<ConsumerRecord<String, byte[]>> readAnswers(int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-checkpoint-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.HSM_RESULTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private CloudEvent<FuselineMessage> decode(ConsumerRecord<String, byte[]> r) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value());
        }
        return codec.decode(headers, r.value());
    }
}
