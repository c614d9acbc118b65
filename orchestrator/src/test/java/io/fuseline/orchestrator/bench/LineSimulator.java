package io.fuseline.orchestrator.bench;

import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.schemas.MessageType;
import io.fuseline.schemas.Topic;
import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.codec.CloudEventHeaders;
import io.fuseline.schemas.codec.EncodedEvent;
import io.fuseline.schemas.codec.FuselineJson;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FuselineMessage;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.StationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * Plays the stations and the vault for the benchmark: identifies units (at most {@code window} in flight), answers
 * each key request, runs each job's steps as soon as it arrives, and notes for every command the time since the
 * event that caused it (identified → key request, keys issued → job, last step → provisioned).
 */
final class LineSimulator implements AutoCloseable {
    private static final int FULL_CHECK_EVERY = 50;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = FuselineJson.newMapper();

    private final CloudEventCodec codec = new CloudEventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrap;
    private final int stations;
    private final Semaphore window;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    final List<Long> latenciesNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger provisioned = new AtomicInteger();
    final AtomicInteger quarantined = new AtomicInteger();
    private CountDownLatch done;
    private volatile boolean running = true;
    private final List<Thread> readers = new ArrayList<>();

    LineSimulator(String bootstrap, int stations, int window) {
        this.bootstrap = bootstrap;
        this.stations = stations;
        this.window = new Semaphore(window);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 2),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Runs units {@code from} .. {@code from + units - 1} (their MACs follow from the number) to the end; returns when
     * every one is provisioned or quarantined.
     */
    void run(int from, int units, Duration timeout) throws InterruptedException {
        done = new CountDownLatch(units);
        if (readers.isEmpty()) {
            readers.add(reader(Topics.HSM_REQUESTS, "bench-vault"));
            readers.add(reader(Topics.STATION_JOBS, "bench-stations"));
        }
        for (int n = from; n < from + units; n++) {
            window.acquire();
            MacAddress mac = Events.mac(0x100000 + n);
            String station = "bench-st-" + (n % stations);
            send(Events.identified(mac, station, "jig-" + (n % 4)), "id:" + mac);
        }
        if (!done.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(done.getCount() + " units did not finish within " + timeout);
        }
    }

    /** Forgets the latencies and counts so far (after a warm-up). */
    void reset() {
        latenciesNanos.clear();
        provisioned.set(0);
        quarantined.set(0);
    }

    private void send(FuselineMessage m, String marker) {
        String source = Topics.topicOf(m) == Topic.HSM_RESULTS ? "/fuseline/hsm-signer"
                : "/fuseline/station/" + ((StationScoped) m).stationId();
        // Built from typed records: no schema check on the way out (the orchestrator checks every record it reads;
        // skipping it here leaves the shared CPU to the system under test). Commands read back: see bound().
        EncodedEvent encoded = codec.encodeBuilt(CloudEvent.of(source, m));
        RecordHeaders headers = new RecordHeaders();
        encoded.headers().forEach(headers::add);
        if (marker != null) {
            pending.put(marker, System.nanoTime());
        }
        producer.send(new ProducerRecord<>(Topics.topicOf(m).topicName(), null, Topics.keyFor(m), encoded.data(),
                headers));
    }

    private void onCommand(FuselineMessage m) {
        if (m instanceof KeyMaterialRequested r) {
            lapse("id:" + r.mac());
            send(Events.issued(r.requestId(), r.mac(), r.stationId()), "keys:" + r.mac());
        } else if (m instanceof ProvisionJob job) {
            lapse("keys:" + job.mac());
            List<FuselineMessage> steps = Events.run(job, 1, job.steps().size());
            for (int i = 0; i < steps.size(); i++) {
                send(steps.get(i), i == steps.size() - 1 ? "last:" + job.mac() : null);
            }
        } else if (m instanceof DeviceProvisioned p) {
            lapse("last:" + p.mac());
            provisioned.incrementAndGet();
            finish();
        } else if (m instanceof QuarantineOrdered) {
            quarantined.incrementAndGet();
            finish();
        }
    }

    private void finish() {
        window.release();
        done.countDown();
    }

    private void lapse(String marker) {
        Long sent = pending.remove(marker);
        if (sent != null) {
            latenciesNanos.add(System.nanoTime() - sent);
        }
    }

    private Thread reader(String topic, String group) {
        Thread t = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                long read = 0;
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        onCommand(read++ % FULL_CHECK_EVERY == 0 ? checked(r) : bound(r));
                    }
                }
            }
        }, "bench-" + group);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Decoded as a station decodes it: envelope, JSON Schema and the message's rules all checked. */
    private FuselineMessage checked(ConsumerRecord<String, byte[]> r) {
        Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value());
        }
        return codec.decode(headers, r.value()).data();
    }

    /**
     * Bound to its record class without the checks. Real stations and the vault check every command on their own
     * machines; here they would share the line's two cores (the checks were two fifths of the simulated line's CPU),
     * so only every {@link #FULL_CHECK_EVERY}th is checked, enough to stop the benchmark if the orchestrator's
     * commands broke their contract (every command of the integration tests is checked).
     */
    private FuselineMessage bound(ConsumerRecord<String, byte[]> r) {
        Header type = r.headers().lastHeader(CloudEventHeaders.TYPE);
        String ceType = type == null ? "" : new String(type.value(), java.nio.charset.StandardCharsets.UTF_8);
        Class<? extends FuselineMessage> cls = MessageType.fromType(ceType).orElseThrow(
                () -> new IllegalStateException("unknown command type '" + ceType + "' on " + r.topic()))
                .messageClass();
        try {
            return JSON.readValue(r.value(), cls);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(ceType + " does not bind to " + cls.getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        producer.close();
    }
}
