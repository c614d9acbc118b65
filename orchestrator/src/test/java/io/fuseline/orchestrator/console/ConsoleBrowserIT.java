package io.fuseline.orchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.fuseline.esp.MacAddress;
import io.fuseline.orchestrator.audit.export.ExportReport;
import io.fuseline.orchestrator.audit.export.ExportVerifier;
import io.fuseline.orchestrator.checkpoint.Checkpointer;
import io.fuseline.orchestrator.checkpoint.LocalKeyCheckpointSigner;
import io.fuseline.orchestrator.messaging.MessagingTestProfile;
import io.fuseline.orchestrator.messaging.RecordingChannels;
import io.fuseline.orchestrator.query.QuarantineQueries;
import io.fuseline.orchestrator.query.UnitQueries;
import io.fuseline.orchestrator.support.Events;
import io.fuseline.orchestrator.support.LineDriver;
import io.fuseline.orchestrator.support.Scenarios;
import io.fuseline.orchestrator.unit.WorkOrderDesk;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.KeyMaterialRequested;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReleased;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web console in a real headless Chromium against a running orchestrator whose line has a provisioned unit, a
 * quarantined one and one in its job: each role signs in, uses its pages, and is refused the ones it may not see.
 * Screenshots at 1280×800 go to target/screenshots, or to docs/images with {@code -Dfuseline.screenshots=true}.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    /** Test units' MACs are unique across the module's integration tests: they share one database. */
    private static final String STATION = "st-console";
    private static final String WO = "wo-console";
    private static final MacAddress GOOD = Events.mac(0xe0c01);
    private static final MacAddress FAILING = Events.mac(0xe0c02);
    private static final MacAddress BUSY = Events.mac(0xe0c03);
    private static ChromiumBrowser chromium;
    private static LineDriver line;
    private static Scenarios scenarios;
    private static ProvisionJob busyJob;

    @TestHTTPResource("/")
    URL base;
    @Inject
    RecordingChannels.HsmRequestReader vault;
    @Inject
    RecordingChannels.StationJobReader stationJobs;
    @Inject
    WorkOrderDesk workOrders;
    @Inject
    Checkpointer checkpointer;
    @Inject
    LocalKeyCheckpointSigner signer;
    @Inject
    UnitQueries units;
    @Inject
    QuarantineQueries quarantine;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startChromium() {
        chromium = new ChromiumBrowser();
    }

    @AfterAll
    static void closeAll() {
        if (chromium != null) {
            chromium.close();
        }
        if (line != null) {
            line.close();
        }
    }

    @BeforeEach
    void aLineWithUnitsAndAFreshBrowser() {
        if (line == null) {
            populate();
        }
        context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 800).setBaseURL(base.toString()).setAcceptDownloads(true));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** A provisioned unit, one quarantined after its retries, one halfway through its job on another jig. */
    private void populate() {
        line = new LineDriver(bootstrap);
        scenarios = new Scenarios(line, vault, stationJobs);
        workOrders.create(WO, "sensor-s3-v2", "lot-console", 10, 0, List.of(STATION), "admin");
        scenarios.provision(GOOD, STATION);
        scenarios.awaitVault(DeviceProvisioned.class, GOOD, 1);
        scenarios.exhaustRetries(FAILING, STATION);
        scenarios.awaitVault(QuarantineOrdered.class, FAILING, 1);
        line.send(Events.identified(BUSY, STATION, "jig-2"));
        line.send(Events.issued(scenarios.awaitVault(KeyMaterialRequested.class, BUSY, 1).requestId(), BUSY, STATION));
        busyJob = scenarios.awaitJob(BUSY, 1);
        line.sendAll(Events.run(busyJob, 1, 2));
        line.send(Events.started(busyJob, 3));
        await().atMost(Scenarios.WAIT).until(() -> "STARTED".equals(units.history(BUSY.toString()).orElseThrow()
                .jobs().get(0).steps().get(2).status()));
        checkpointer.checkpointNow();
    }

    @Test
    @Order(1)
    void anOperatorWatchesTheLineLiveAndIsRefusedCustody() {
        page.navigate("/console/custody");
        assertThat(page.url()).contains("/console/login");
        shoot("login");
        page.getByLabel("User name").fill("operator");
        page.getByLabel("Password").fill("wrong");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong user name or password.");
        signIn("operator");
        Response refused = page.navigate("/console/custody");
        assertThat(refused.status()).isEqualTo(403);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Not allowed"))).isVisible();
        PlaywrightAssertions.assertThat(nav().getByText("Custody")).hasCount(0);
        shoot("forbidden");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Line")).first().click();
        Locator busyJig = page.locator("tr", new Page.LocatorOptions().setHasText(BUSY.toString()));
        PlaywrightAssertions.assertThat(busyJig).containsText("jig-2");
        PlaywrightAssertions.assertThat(busyJig).containsText("3 ");
        PlaywrightAssertions.assertThat(busyJig).containsText("2/");
        PlaywrightAssertions.assertThat(page.locator("#open-quarantine")).not().hasText("0");
        shoot("line");

        // The station moves on; the open page follows without a reload (the marker would not survive one).
        page.evaluate("window.notReloaded = true");
        line.send(Events.completed(busyJob, 3));
        line.send(Events.started(busyJob, 4));
        PlaywrightAssertions.assertThat(busyJig).containsText("3/", new LocatorAssertions.ContainsTextOptions()
                .setTimeout(20_000));
        assertThat(page.evaluate("window.notReloaded")).isEqualTo(true);
        page.setViewportSize(820, 1180);
        shoot("line-tablet");

        // Keyboard first: the first Tab reaches the skip link, which moves focus to the page's content.
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Skip to content");
        page.keyboard().press("Enter");
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("main");

        page.navigate("/console/quarantine");
        PlaywrightAssertions.assertThat(page.locator("#case-" + openCase())).isVisible();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Record decision"))).hasCount(0);
        // Not shown, and refused too: an operator's decision posted by hand.
        APIResponse decided = page.request().post("/console/quarantine/" + openCase() + "/disposition",
                RequestOptions.create().setForm(FormData.create().set("disposition", "SCRAP").set("reason", "x")));
        assertThat(decided.status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void aQualityEngineerFindsAUnitBySerialAndReadsItsTimeline() {
        signIn("quality");
        page.navigate("/console/units");
        page.getByLabel("Search by").selectOption("serial");
        page.getByLabel("MAC, serial or lot").fill(GOOD.toString().replace(":", "").toUpperCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        PlaywrightAssertions.assertThat(page.locator("#results caption")).hasText("1 unit(s) found");
        shoot("units");
        page.locator("#results").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(GOOD.toString()))
                .click();

        PlaywrightAssertions.assertThat(page.locator("#unit-state")).hasText("PROVISIONED");
        Locator timeline = page.locator("ol.timeline");
        PlaywrightAssertions.assertThat(timeline).containsText("Identified: esp32s3");
        PlaywrightAssertions.assertThat(timeline).containsText("Key material received");
        PlaywrightAssertions.assertThat(timeline).containsText("kcv ");
        PlaywrightAssertions.assertThat(timeline).containsText("readBack");
        PlaywrightAssertions.assertThat(timeline).containsText("Burned BLOCK_KEY0");
        PlaywrightAssertions.assertThat(timeline).containsText("Provisioned");
        PlaywrightAssertions.assertThat(page.locator("li.entry.fuse .details")).not().hasCount(0);
        PlaywrightAssertions.assertThat(timeline.getByText("no audit record found")).hasCount(0);
        shoot("unit");
        page.evaluate("document.querySelector('li.entry.fuse').scrollIntoView({block: 'start'})");
        shoot("unit-fuses");

        Locator fuse = page.locator("li.entry.fuse").filter(new Locator.FilterOptions().setHasText("SECURE_BOOT_EN"));
        String sequence = fuse.getByRole(AriaRole.LINK).textContent().replaceAll("\\D", "");
        fuse.getByRole(AriaRole.LINK).click();
        Locator record = page.locator("#seq-" + sequence);
        PlaywrightAssertions.assertThat(record).containsText("fuse.burned");
        PlaywrightAssertions.assertThat(record).containsText(GOOD.toString());
    }

    @Test
    @Order(3)
    void theAuditTrailIsFilteredAndExportedAsAChainThatVerifies() throws IOException {
        signIn("quality");
        page.navigate("/console/audit");
        PlaywrightAssertions.assertThat(page.locator("#chain-status")).containsText("The stored chain verifies");
        PlaywrightAssertions.assertThat(page.locator("#checkpoint-status"))
                .containsText("The latest signed checkpoint verifies");

        page.getByLabel("Work order", new Page.GetByLabelOptions().setExact(true)).selectOption(WO);
        page.getByLabel("Event type").fill("step.failed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        PlaywrightAssertions.assertThat(page.locator("#match-count")).hasText("2");
        Locator rows = page.locator("table.audit tbody tr");
        PlaywrightAssertions.assertThat(rows).hasCount(2);
        PlaywrightAssertions.assertThat(rows.first()).containsText(FAILING.toString());
        List<String> selected = rows.locator("th").allTextContents();
        shoot("audit");

        Download download = page.waitForDownload(() -> page.locator("#export").click());
        List<String> lines = Files.readAllLines(download.path());
        ExportReport report = new ExportVerifier().verify(lines, signer.publicKey());
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"sequence\":" + selected.get(0) + ","));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"sequence\":" + selected.get(1) + ","));
    }

    @Test
    @Order(4)
    void aQualityEngineerReleasesAQuarantinedUnitWithAMandatoryReason() {
        String caseId = openCase();
        signIn("quality");
        page.navigate("/console/quarantine");
        Locator card = page.locator("#case-" + caseId);
        PlaywrightAssertions.assertThat(card).containsText("RETRIES_EXHAUSTED");
        PlaywrightAssertions.assertThat(card).containsText("SERIAL_TIMEOUT");
        shoot("quarantine");

        card.getByLabel("RETEST").check();
        card.getByLabel("Reason (required)").fill("   ");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record decision")).click();
        PlaywrightAssertions.assertThat(page.locator("#refused")).containsText("needs a reason");
        assertThat(quarantine.byId(caseId).orElseThrow().closedAt()).isNull();

        card = page.locator("#case-" + caseId);
        card.getByLabel("RETEST").check();
        card.getByLabel("Reason (required)").fill("cable replaced on jig 1");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record decision")).click();
        PlaywrightAssertions.assertThat(page.locator("#decided")).containsText(caseId);
        PlaywrightAssertions.assertThat(page.locator("#case-" + caseId)).hasCount(0);
        QuarantineReleased released = scenarios.awaitVault(QuarantineReleased.class, FAILING, 1);
        assertThat(released.by()).isEqualTo("quality");
        assertThat(released.reason()).isEqualTo("cable replaced on jig 1");
    }

    @Test
    @Order(5)
    void aSecurityOfficerFollowsEveryKeyFromGenerationToDisposal() {
        signIn("security");
        page.navigate("/console/custody");
        PlaywrightAssertions.assertThat(page.locator("#unaccounted")).containsText(Events.keyId(BUSY, "fe"));
        PlaywrightAssertions.assertThat(page.locator("#signing tr", new Page.LocatorOptions().setHasText(WO)))
                .containsText("2.4.1");

        page.getByLabel("Unit (MAC)").fill(GOOD.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        Locator key = page.locator("#key-lives tr", new Page.LocatorOptions().setHasText(Events.keyId(GOOD, "fe")));
        PlaywrightAssertions.assertThat(key).containsText("st-console");
        PlaywrightAssertions.assertThat(key).containsText("BLOCK_KEY0");
        PlaywrightAssertions.assertThat(key).containsText("DESTROY");
        PlaywrightAssertions.assertThat(page.locator("#key-lives tbody tr")).hasCount(3);
        shoot("custody");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        PlaywrightAssertions.assertThat(page.getByLabel("User name")).isVisible();
        page.navigate("/console/custody");
        assertThat(page.url()).contains("/console/login");
    }

    @Test
    @Order(6)
    void reportsChartYieldAndParetoAndDownloadAsCsv() throws IOException {
        signIn("quality");
        page.navigate("/console/reports");
        page.getByLabel("Work order", new Page.GetByLabelOptions().setExact(true)).selectOption(WO);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        PlaywrightAssertions.assertThat(page.locator("#yield-chart rect.bar")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#pareto-chart")).containsText("SERIAL_TIMEOUT");
        shoot("reports");
        page.evaluate("document.getElementById('pareto-h').scrollIntoView({block: 'start'})");
        shoot("reports-pareto");

        Download csv = page.waitForDownload(() -> page.locator("#yield-csv").click());
        List<String> lines = Files.readAllLines(csv.path());
        assertThat(lines.get(0)).startsWith("workOrder,station,units,provisioned");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(WO + "," + STATION + ",3,"));
    }

    private void signIn(String user) {
        page.navigate("/console/login");
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(user + "-local");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.contains("/console/login"));
    }

    private Locator nav() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Console pages"));
    }

    private String openCase() {
        return quarantine.byMac(FAILING.toString()).get(0).quarantineId();
    }

    /** Saves what the browser shows as console-{name}.png, for docs/console.md when asked to. */
    private void shoot(String name) {
        Path dir = Boolean.getBoolean("fuseline.screenshots") ? Path.of("..", "docs", "images")
                : Path.of("target", "screenshots");
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("console-" + name + ".png")));
    }
}
