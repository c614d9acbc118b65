package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.codec.CloudEvent;
import io.fuseline.schemas.message.FuselineMessage;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Until the unit lifecycle lands, valid station events are logged so an operator sees the line is talking. */
@DefaultBean
@ApplicationScoped
class LoggingStationEventSink implements StationEventSink {
    private static final Logger LOG = Logger.getLogger(LoggingStationEventSink.class);

    @Override
    public void accept(CloudEvent<FuselineMessage> event) {
        LOG.infof("station event %s id=%s subject=%s", event.type(), event.id(), event.subject());
    }
}
