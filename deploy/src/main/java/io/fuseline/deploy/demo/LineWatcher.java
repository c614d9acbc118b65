package io.fuseline.deploy.demo;

import io.fuseline.schemas.Topics;
import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.codec.CloudEventCodec;
import io.fuseline.schemas.message.FuselineMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the line says, as an observer outside it: the stations' events, the jobs the orchestrator sends and
 * its verdicts to the vault (DeviceProvisioned, QuarantineOrdered). It reads every partition from the end at the
 * time it starts (no consumer group: it never takes records from a service) and hands each decoded event to the
 * listener on its own thread. Records it cannot decode are counted, never fatal.
 */
final class LineWatcher implements AutoCloseable {
    static final List<String> TOPICS = List.of(Topics.STATION_EVENTS, Topics.STATION_JOBS, Topics.HSM_REQUESTS);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<CloudEvent<FuselineMessage>> listener;
    private final CloudEventCodec codec = new CloudEventCodec(2 * 1024 * 1024);
    private final AtomicLong undecodable = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    private LineWatcher(KafkaConsumer<String, byte[]> consumer, Consumer<CloudEvent<FuselineMessage>> listener) {
        this.consumer = consumer;
        this.listener = listener;
        this.thread = new Thread(this::loop, "line-watcher");
        this.thread.setDaemon(true);
    }

    /** Positions at the end of every partition (creating the topics if the broker has not got them yet), then runs. */
    static LineWatcher start(String bootstrap, Consumer<CloudEvent<FuselineMessage>> listener) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "fuseline-demo-watcher");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        try {
            List<TopicPartition> partitions = TOPICS.stream().flatMap(t -> partitionsOf(consumer, t).stream())
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before any unit goes on a jig
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        LineWatcher w = new LineWatcher(consumer, listener);
        w.thread.start();
        return w;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> consumer, String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            // The broker creates a missing topic on the first metadata request (auto-create is on locally).
            var info = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (info != null && !info.isEmpty()) {
                return info.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no partitions on the line's broker");
            }
        }
    }

    private void loop() {
        try {
            while (!stopped) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, byte[]> headers = new HashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value());
                    }
                    CloudEvent<FuselineMessage> event;
                    try {
                        event = codec.decode(headers, r.value());
                    } catch (RuntimeException e) {
                        undecodable.incrementAndGet();
                        continue;
                    }
                    listener.accept(event);
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Records on the watched topics that were not valid Fuseline events. */
    long undecodable() {
        return undecodable.get();
    }

    @Override
    public void close() {
        stopped = true;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
