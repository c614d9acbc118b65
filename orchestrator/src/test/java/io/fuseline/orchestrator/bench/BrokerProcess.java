package io.fuseline.orchestrator.bench;

import io.fuseline.embedded.kafka.EmbeddedKafkaBroker;

/**
 * The benchmark's broker in a process of its own, so that its CPU is measured apart from the simulated line's:
 * prints {@code bootstrap=<servers>} once ready and stops when its standard input closes (the benchmark ends).
 */
public final class BrokerProcess {
    private BrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.WARNING);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            System.out.println("bootstrap=" + broker.bootstrapServers());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the benchmark to close our input
            }
        }
    }
}
