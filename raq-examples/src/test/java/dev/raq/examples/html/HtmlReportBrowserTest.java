package dev.raq.examples.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.Completion;
import dev.raq.core.report.EvaluationReport;
import dev.raq.metrics.Scorers;
import dev.raq.report.html.HtmlReportWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report in a real browser: Debian's Chromium, headless, through its ChromeDriver (`.ci/run` installs
 * both; without them these tests are skipped with the reason). Opens the offline demo's report and a report whose
 * answers are hostile markup, and checks that no script from model text ran, the console has no error (a content
 * security policy violation would be one), no network request left the file, and the key parts are visible.
 * Screenshots are kept in {@code target/browser-screenshots/}.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target/browser-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "no headless Chromium here: "
                + "install Debian's chromium and chromium-driver (.ci/run does) to run the browser tests");
        profile = Files.createTempDirectory("raq-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1300,2400", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Opens the page, checks what every report page must satisfy, and keeps a screenshot. */
    private static void openAndCheck(Path page, String screenshot) throws IOException {
        browser.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(page.toUri().toString());
        assertThat(browser.getTitle()).isEqualTo("RAQ evaluation report");
        assertThatNoAlert();
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-pwned")).isNull();
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertThat(errors).as("console errors and warnings").isEmpty();
        List<String> requests = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(e.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                requests.add(message.path("params").path("request").path("url").asText());
            }
        }
        // nothing leaves the machine: the report's own file, and (now and then, in the same log) the chrome://
        // resources and data: images Chromium's own pages load in another target
        assertThat(requests).as("requests the page made").contains(page.toUri().toString())
                .allMatch(url -> url.startsWith("file:") || url.startsWith("chrome://") || url.startsWith("data:"));
        for (String id : List.of("candidates", "quality", "significance", "samples")) {
            assertThat(browser.findElement(By.id(id)).isDisplayed()).as(id).isTrue();
        }
        assertThat(browser.findElements(By.cssSelector("#quality svg"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#quality svg")).isDisplayed()).isTrue();
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), OUT.resolve(screenshot), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertThatNoAlert() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("an alert is open: a script from the page's content ran");
        } catch (NoAlertPresentException expected) {
            // good
        }
    }

    @Test
    void demoReport_opensOffline_withItsChartsAndWorkingFilters() throws IOException {
        Path folder = Path.of("target/browser-test/demo");
        EvaluationReport report = dev.raq.examples.OfflineDemoAccess.f1Report(folder);
        Path page = folder.resolve("demo.html");
        report.write(page, HtmlReportWriter.create());
        openAndCheck(page, "demo.png");
        assertThat(Files.size(page)).isLessThan(2_000_000);

        List<WebElement> samples = browser.findElements(By.cssSelector("details.sample"));
        assertThat(samples).hasSize(300);
        WebElement count = browser.findElement(By.id("f-count"));
        assertThat(count.getText()).isEqualTo("300 samples shown");
        browser.findElement(By.id("f-disagree")).click();
        assertThat(count.getText()).isEqualTo("0 samples shown"); // one deterministic judge cannot disagree
        browser.findElement(By.id("f-disagree")).click();
        samples.get(0).findElement(By.tagName("summary")).click();
        assertThat(samples.get(0).findElement(By.cssSelector("table.answers")).isDisplayed()).isTrue();

        // sorting the candidates by name puts bert-ensemble first, then by errors it is stable
        WebElement table = browser.findElement(By.cssSelector("#candidates table"));
        table.findElements(By.tagName("th")).get(0).click();
        assertThat(table.findElements(By.cssSelector("tbody tr td:first-child")).get(0).getText())
                .isEqualTo("bert-ensemble");
        Object width = ((JavascriptExecutor) browser).executeScript("return document.body.scrollWidth");
        assertThat(((Number) width).intValue()).as("no horizontal overflow").isLessThanOrEqualTo(1300);
    }

    @Test
    void hostileAnswers_renderAsText_andRunNoScript() throws IOException {
        List<String> hostile = List.of(
                "<script>document.title='PWNED';alert(1)</script>",
                "<img src=x onerror=\"document.body.setAttribute('data-pwned','1');alert(2)\">",
                "</textarea></pre></details></table><script>alert(3)</script>",
                "<a href=\"javascript:alert(4)\">click</a> [md](javascript:alert(5))",
                "| a | b |\n|---|---|\n| broken | table |",
                "<svg onload=\"alert(6)\"><circle r=\"9\"/></svg>",
                "x".repeat(5_000_000));
        List<Sample> samples = IntStream.range(0, 14).mapToObj(i -> new Sample("s" + i + "\"><b>",
                "Q " + hostile.get(i % 6), hostile.get((i + 1) % 6), List.of(hostile.get((i + 2) % 6)), Map.of()))
                .toList();
        EvaluationReport report = Evaluation.builder().dataset(samples)
                .candidate("<img src=y onerror=alert(7)>", request -> Completion.of(hostile.get(
                        Math.floorMod(request.lastUserMessage().hashCode(), hostile.size()))))
                .candidate("plain", request -> Completion.of("a plain answer"))
                .candidate("verbose", request -> Completion.of(request.lastUserMessage().contains("broken")
                        ? "x".repeat(5_000_000) : "short"))
                .promptTemplate("{question}").judge(Judges.score(Scorers.squadF1())).concurrency(1).build().run();
        Path page = Path.of("target/browser-test/hostile.html");
        report.write(page, HtmlReportWriter.create());
        openAndCheck(page, "hostile.png");
        String text = browser.findElement(By.id("samples")).getText();
        assertThat(browser.findElements(By.cssSelector("#samples img, #samples a, #samples b"))).isEmpty();
        assertThat(browser.findElement(By.id("candidates")).getText()).contains("<img src=y onerror=alert(7)>");
        for (WebElement summary : browser.findElements(By.cssSelector("details.sample summary"))) {
            summary.click();
        }
        assertThatNoAlert();
        String expanded = browser.findElement(By.id("samples")).getText();
        assertThat(expanded).contains("<script>document.title='PWNED'")
                .contains("more characters; the full text is in the JSON report");
        assertThat(text).contains("#1 s0\"><b> Q <script>document.title='PWNED';alert(1)</script>");
        assertThat(browser.getTitle()).isEqualTo("RAQ evaluation report");
        assertThat(Files.size(page)).isLessThan(2_000_000);
    }
}
