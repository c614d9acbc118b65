package io.fuseline.orchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, offline: Playwright never downloads a browser, and Chromium resolves no
 * outside host. A missing Chromium fails the test (CI installs it; {@code ./fuseline test} does too), it never skips.
 * One per test class; close it after.
 */
final class ChromiumBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");

    private final Playwright playwright;
    private final Browser browser;

    ChromiumBrowser() {
        assertThat(Files.isExecutable(CHROMIUM)).as("the console's browser tests need Debian's chromium at " + CHROMIUM
                + ": apt-get install -y chromium (./fuseline test installs it)").isTrue();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(ARGS));
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
