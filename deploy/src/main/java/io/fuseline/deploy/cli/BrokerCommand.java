package io.fuseline.deploy.cli;

import io.fuseline.embedded.kafka.BrokerOptions;
import io.fuseline.embedded.kafka.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./fuseline broker}: the embedded single-node Kafka broker a local line uses, in the foreground. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {
            "Start a local single-node Kafka broker on 127.0.0.1 and print its address.",
            "",
            "Apache Kafka's own KRaft broker runs in this JVM (the embedded default every local line uses). "
                    + "Stops cleanly on Ctrl-C. Without --data-dir its data is thrown away on exit."
        })
final class BrokerCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "PLAINTEXT listener port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep topics and offsets in DIR across restarts (default: a temporary directory).")
    Path dataDir;

    @Option(names = "--ready-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the broker to answer before giving up (default: ${DEFAULT-VALUE} s).")
    int readyTimeoutSeconds;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Start, print the address, stop (used by tests and scripts that only check start-up).")
    boolean exitWhenReady;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Starting the embedded Kafka broker on 127.0.0.1:%s ...%n", port == 0 ? "<free port>" : port);
        out.flush();
        BrokerOptions options = new BrokerOptions("127.0.0.1", port, dataDir,
                Duration.ofSeconds(readyTimeoutSeconds), java.util.Map.of());
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println("Stopping the broker ...");
            out.flush();
            broker.close();
            out.println("Broker stopped.");
            out.flush();
            stopped.countDown();
        }, "fuseline-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("Kafka broker ready in %.1f s%n", broker.startupTime().toMillis() / 1000.0);
        out.printf("  bootstrap servers: %s%n", broker.bootstrapServers());
        out.printf("  data directory:    %s%s%n", broker.dataDir(), dataDir == null ? " (deleted on exit)" : "");
        out.println(exitWhenReady ? "Exiting (--exit-when-ready)." : "Press Ctrl-C to stop.");
        out.flush();
        if (exitWhenReady) {
            Runtime.getRuntime().removeShutdownHook(hook);
            broker.close();
            return;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
