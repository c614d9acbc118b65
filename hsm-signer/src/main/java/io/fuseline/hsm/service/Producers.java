package io.fuseline.hsm.service;

import io.fuseline.hsm.custody.CustodyLedger;
import io.fuseline.schemas.codec.CloudEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The service's shared objects: one codec (compiled schemas), one custody ledger whose records go to Kafka. */
class Producers {
    @Produces
    @ApplicationScoped
    CloudEventCodec codec() {
        return new CloudEventCodec();
    }

    @Produces
    @ApplicationScoped
    CustodyLedger ledger(HsmConfig config, AuditPublisher audit) {
        return CustodyLedger.open(config.custodyLedger(), Clock.systemUTC(), audit::publish);
    }

    void close(@Disposes CustodyLedger ledger) {
        ledger.close();
    }
}
