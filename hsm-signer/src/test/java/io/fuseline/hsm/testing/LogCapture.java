package io.fuseline.hsm.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log line of this JVM while open (a handler on the root java.util.logging logger, where SLF4J and
 * JBoss Logging both end up under JBoss LogManager), formatted with its parameters and any exception.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogCapture() {
        setLevel(java.util.logging.Level.ALL);
    }

    public static LogCapture start() {
        LogCapture c = new LogCapture();
        Logger.getLogger("").addHandler(c);
        return c;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    public synchronized String text() {
        return String.join("", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
