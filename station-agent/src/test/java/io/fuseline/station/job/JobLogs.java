package io.fuseline.station.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the job package logs during each test, message and parameters as text, so that a test can search it for
 * secrets. Register it with {@code @RegisterExtension}.
 */
final class JobLogs implements BeforeEachCallback, AfterEachCallback {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger("io.fuseline.station.job");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            Object[] params = r.getParameters();
            lines.add(params == null ? r.getMessage() : r.getMessage() + " " + Arrays.deepToString(params));
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        jul.addHandler(capture);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        jul.removeHandler(capture);
    }

    /** The lines logged so far in this test. */
    List<String> lines() {
        return new ArrayList<>(lines);
    }
}
