package io.fuseline.orchestrator.messaging;

import io.fuseline.schemas.codec.CloudEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One codec for the whole service: it holds compiled JSON Schemas, which are costly to build and thread-safe. */
class CodecProducer {
    @Produces
    @ApplicationScoped
    CloudEventCodec codec(MessagingConfig config) {
        return new CloudEventCodec(config.maxRecordBytes());
    }
}
