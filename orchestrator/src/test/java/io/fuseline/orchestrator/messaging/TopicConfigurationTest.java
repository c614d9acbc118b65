package io.fuseline.orchestrator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.schemas.Topics;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Topic names live in {@link Topics}; the channel configuration must not drift from them. */
class TopicConfigurationTest {

    @Test
    void channelsUseTheTopicsOfTheContract() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("mp.messaging.incoming.station-events.topic")).isEqualTo(Topics.STATION_EVENTS);
        assertThat(p.getProperty("mp.messaging.incoming.station-events.dead-letter-queue.topic")).isEqualTo(Topics.DLQ);
        assertThat(p.getProperty("mp.messaging.outgoing.hsm-requests.topic")).isEqualTo(Topics.HSM_REQUESTS);
        assertThat(p.getProperty("mp.messaging.incoming.hsm-results.topic")).isEqualTo(Topics.HSM_RESULTS);
        assertThat(p.getProperty("mp.messaging.incoming.hsm-results.dead-letter-queue.topic")).isEqualTo(Topics.DLQ);
    }

    @Test
    void theConsumerFetchesMoreThanTheCodecAcceptsSoOversizedRecordsAreDeadLetteredNotStuck() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        }
        int fetch = Integer.parseInt(p.getProperty("mp.messaging.incoming.station-events.max.partition.fetch.bytes"));
        assertThat(fetch).isGreaterThan(new MessagingConfigDefaults().maxRecordBytes());
    }

    /** Reads the documented default off the mapping interface, so the test follows a change of default. */
    static final class MessagingConfigDefaults {
        int maxRecordBytes() throws NoSuchMethodException {
            return Integer.parseInt(MessagingConfig.class.getMethod("maxRecordBytes")
                    .getAnnotation(io.smallrye.config.WithDefault.class).value());
        }
    }
}
