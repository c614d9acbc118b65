package io.fuseline.hsm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fuseline.hsm.material.IssuanceContract;
import io.fuseline.hsm.testing.LogCapture;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.envelope.KeyEnvelope;
import io.fuseline.schemas.envelope.SecretBytes;
import io.fuseline.schemas.envelope.StationUnwrapper;
import io.fuseline.schemas.message.AuditRecord;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.SecretKind;
import io.fuseline.schemas.message.WrappedKey;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
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
 * The service on a real KRaft broker with a software vault from a test ceremony: a KeyMaterialRequested in, a
 * KeyMaterialIssued out whose envelopes the station opens, custody records on the audit topic, and no plaintext
 * key byte in any produced record or log line of the run.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = CeremonyResource.class, restrictToAnnotatedClass = true)
class HsmServiceIT {
    private final CloudEventCodec codec = new CloudEventCodec();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "test.station-dir")
    Path stationDir;

    @Test
    void aRequestIsAnsweredWithEnvelopesOnlyTheStationOpensAndNoKeyByteLeaks() throws Exception {
        KeyMaterialRequested request = IssuanceContract.s3Request("kmr-it-1", IssuanceContract.mac(4242), false);
        EncodedEvent encoded = codec.encode(CloudEvent.of("/fuseline/orchestrator", request));
        KeyMaterialIssued issued;
        List<ConsumerRecord<String, byte[]>> produced = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            try (KafkaProducer<String, byte[]> producer = producer()) {
                RecordHeaders headers = new RecordHeaders();
                encoded.headers().forEach(headers::add);
                producer.send(new ProducerRecord<>(Topics.HSM_REQUESTS, null, request.mac().toString(), encoded.data(),
                        headers)).get(30, TimeUnit.SECONDS);
            }
            List<ConsumerRecord<String, byte[]>> results = read(Topics.HSM_RESULTS, 1);
            List<ConsumerRecord<String, byte[]>> audit = read(Topics.AUDIT, 12); // 4 generated, 4 wrapped, 4 delivered
            produced.addAll(results);
            produced.addAll(audit);
            assertThat(results.get(0).key()).isEqualTo(request.mac().toString());
            issued = (KeyMaterialIssued) decode(results.get(0)).data();
            List<AuditRecord> records = audit.stream().map(r -> (AuditRecord) decode(r).data()).toList();
            assertThat(records).extracting(AuditRecord::action).contains("key.generated", "key.wrapped",
                    "key.delivered");
            assertThat(audit).extracting(ConsumerRecord::key).containsOnly(request.mac().toString());

            StationUnwrapper station = new StationUnwrapper(stationPrivate(), stationPublic());
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(issued.certificatePem().getBytes(StandardCharsets.US_ASCII)));
            List<String> texts = new ArrayList<>();
            produced.forEach(r -> texts.add(new String(r.value(), StandardCharsets.ISO_8859_1)));
            texts.add(logs.text());
            assertThat(logs.text()).contains("generated");
            int checked = 0;
            for (WrappedKey k : issued.wrappedKeys()) {
                KeyEnvelope envelope = KeyEnvelope.fromBase64(k.envelope());
                try (SecretBytes secret = k.kind() == SecretKind.DEVICE_IDENTITY_KEY
                        ? station.unwrapIdentityKey(envelope, cert.getPublicKey()) : station.unwrap(envelope)) {
                    assertThat(secret.kcv()).isEqualTo(k.kcv());
                    byte[] raw = secret.copy();
                    byte[] probe = k.kind() == SecretKind.DEVICE_IDENTITY_KEY
                            ? java.util.Arrays.copyOfRange(raw, raw.length - 24, raw.length) : raw;
                    for (String text : texts) {
                        assertThat(text).doesNotContainIgnoringCase(HexFormat.of().formatHex(probe, 0, 12))
                                .doesNotContain(Base64.getEncoder().encodeToString(probe).substring(0, 16))
                                .doesNotContain(new String(probe, 0, 12, StandardCharsets.ISO_8859_1));
                    }
                    java.util.Arrays.fill(raw, (byte) 0);
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(4);
        }
    }

    private CloudEvent<FuselineMessage> decode(ConsumerRecord<String, byte[]> r) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value());
        }
        return codec.decode(headers, r.value());
    }

    private PrivateKey stationPrivate() throws Exception {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Files.readAllBytes(stationDir.resolve("station.pkcs8"))));
    }

    private PublicKey stationPublic() throws Exception {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                Files.readAllBytes(stationDir.resolve("station.x509"))));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
