package io.fuseline.station.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.KeyPurpose;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.message.DeviceIdentified;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StationHeartbeat;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepStarted;
import io.fuseline.station.identity.StationIdentity;
import io.fuseline.station.job.JobFixture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The station agent as a service on a real (embedded) broker with two virtual jigs: both units are identified, a
 * job for this station drives its unit to the last StepCompleted (once, though it was sent twice), a job for
 * another station is ignored.
 */
@QuarkusTest
@QuarkusTestResource(value = StationLineResource.class, restrictToAnnotatedClass = true)
class StationServiceIT {

    private final CloudEventCodec codec = new CloudEventCodec();
    private final List<FuselineMessage> seen = new CopyOnWriteArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;

    @Inject
    StationIdentity identity;

    @Inject
    @org.eclipse.microprofile.health.Readiness
    JigsHealthCheck health;

    @BeforeEach
    void subscribe() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StationLineResource.bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "station-it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.STATION_EVENTS));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void identifiesBothUnitsRunsItsOwnJobAndIgnoresAnotherStationsJob() throws Exception {
        var esp32Mac = StationLineResource.esp32.chip().config().mac();
        var s3Mac = StationLineResource.esp32s3.chip().config().mac();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            poll();
            return identified().containsAll(List.of(esp32Mac.toString(), s3Mac.toString()));
        });

        byte[] key = new byte[32];
        new Random(5).nextBytes(key);
        var wrapped = JobFixture.wrap(key, KeyPurpose.XTS_AES_128_KEY, identity.publicKey());
        ProvisionJob foreign = JobFixture.job("st-99", ChipFamily.ESP32S3, s3Mac,
                StationLineResource.s3Release, wrapped);
        ProvisionJob foreignJob = new ProvisionJob("job-foreign", foreign.mac(), foreign.chip(), "st-99", "jig-2",
                foreign.workOrderId(), foreign.recipeId(), 1, foreign.keyMaterialRequestId(), foreign.images(),
                foreign.wrappedKeys(), foreign.steps());
        ProvisionJob job = JobFixture.job("st-01", ChipFamily.ESP32S3, s3Mac, StationLineResource.s3Release, wrapped);
        send(foreignJob);
        send(job);
        send(job); // a re-send of the same job (the orchestrator repeats a job that has not started) runs once

        int last = job.steps().size();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            poll();
            return seen.stream().anyMatch(m -> m instanceof StepCompleted c && c.jobId().equals(job.jobId())
                    && c.step() == last) || seen.stream().anyMatch(StepFailed.class::isInstance);
        });
        assertThat(seen).noneMatch(StepFailed.class::isInstance);
        // The re-sent copy would start right after the first run ended: watch a while that it does not.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
            poll();
            return seen.stream().filter(StepStarted.class::isInstance).count() == last;
        });
        assertThat(seen).filteredOn(StepStarted.class::isInstance).map(m -> ((StepStarted) m).jobId())
                .containsOnly(job.jobId()).hasSize(last);
        assertThat(seen).anyMatch(StationHeartbeat.class::isInstance);
        // The unplugged third jig is reported, and did not stop the others.
        var h = health.call();
        assertThat(h.getStatus()).isEqualTo(org.eclipse.microprofile.health.HealthCheckResponse.Status.DOWN);
        assertThat(h.getData().orElseThrow().get("jig-3").toString()).startsWith("FAULT");
    }

    @Test
    void aMalformedJobIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StationLineResource.bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> bad = new ProducerRecord<>(Topics.STATION_JOBS, "st-01",
                    "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bad.headers().add("ce_type", "io.fuseline.job.provision.v1".getBytes());
            producer.send(bad).get();
        }
        consumer.unsubscribe();
        consumer.subscribe(List.of(Topics.DLQ));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                Header reason = r.headers().lastHeader(Topics.DLQ_REASON_HEADER);
                if (reason != null && new String(reason.value()).contains("FLS-10")) {
                    return true;
                }
            }
            return false;
        });
    }

    private List<String> identified() {
        return seen.stream().filter(DeviceIdentified.class::isInstance)
                .map(m -> ((DeviceIdentified) m).mac().toString()).toList();
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            Map<String, byte[]> headers = new LinkedHashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value());
            }
            FuselineMessage m = codec.decode(headers, r.value()).data();
            assertThat(r.key()).isEqualTo(Topics.keyFor(m));
            seen.add(m);
        }
    }

    private void send(ProvisionJob job) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StationLineResource.bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            EncodedEvent e = codec.encode(CloudEvent.of("/fuseline/orchestrator", job));
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.STATION_JOBS, Topics.keyFor(job),
                    e.data());
            e.headers().forEach((k, v) -> record.headers().add(k, v));
            producer.send(record).get();
        }
    }
}
