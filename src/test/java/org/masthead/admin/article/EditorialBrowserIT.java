package org.masthead.admin.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestSites;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The newsroom in a real browser: Debian's headless Chromium driven through chromium-driver. An author
 * signs in, writes an article in the WYSIWYG editor with an image uploaded through its image button,
 * and submits it; an editor signs in, edits it, schedules it a few seconds ahead; the article appears
 * on the public site at its time (the schedule checks every second here); a revision is compared and
 * restored, and the public page follows. Screenshots of the main screens go to target/screenshots/.
 *
 * <p>Chromium and its driver are installed by {@code .ci/install-browser.sh} (CI runs it first); without
 * them this test fails, naming the script, rather than skipping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "masthead.workflow.publish-check-interval=1s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorialBrowserIT {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Newsroom.SCREENSHOTS;
    static final String PASSWORD = Newsroom.PASSWORD;
    static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebDriver driver;
    WebDriverWait wait;
    /** How long after its scheduled time the article was first seen on the public site (reported at the end). */
    Duration published;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @Autowired
    void users(JdbcClient jdbc, PasswordEncoder encoder) {
        Newsroom.seed(jdbc, encoder);
    }

    @BeforeAll
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("Chromium or chromium-driver is missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): run `bash .ci/install-browser.sh` as root"
                    + " (CI runs it before the build).");
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1400", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    void stopBrowser() {
        if (published != null) {
            org.slf4j.LoggerFactory.getLogger(EditorialBrowserIT.class).info("The scheduled article was public {} ms after its time", published.toMillis());
        }
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void authorWritesWithAnImageEditorSchedulesItGoesLiveAndARevisionIsRestored() throws Exception {
        // ---- the author writes and submits
        new SignIn().as("author1");
        Dashboard dashboard = new Dashboard();
        dashboard.shot("dashboard-author");

        Editor editor = Editor.blank(this);
        editor.type("title", "市区道路周末养护施工");
        editor.type("subtitle", "部分路段临时封闭");
        editor.writeBody("市区道路将于本周末进行养护施工，请市民提前规划出行路线。");
        Path photo = photo();
        editor.insertImage(photo);
        editor.tabLeavesTheBody();
        editor.type("tags", "交通，市政");
        editor.type("authors", "王小明");
        editor.type("source", "市交通局");
        editor.chooseChannel("市政");
        editor.useSuggestedSummary();
        editor.shot("editor");
        editor.save();
        long id = editor.id();
        String body = jdbc.sql("SELECT body_html FROM article WHERE id = ?").param(id).query(String.class).single();
        assertThat(body).as("the uploaded image is in the saved body").containsPattern("<img src=\"/media/[^\"]+\"");
        assertThat(body).contains("市区道路将于本周末进行养护施工");
        assertThat(jdbc.sql("SELECT summary FROM article WHERE id = ?").param(id).query(String.class).single()).contains("市区道路将于本周末");
        String imageUrl = driver.findElement(By.cssSelector(".ql-editor img")).getAttribute("src");
        assertThat(imageUrl).contains("/media/");
        assertThat(driver.findElements(By.id("action-publish"))).as("an author has no publish button").isEmpty();
        editor.press("action-submit");
        assertThat(editor.notice()).contains("提交审核");
        assertThat(status(id)).isEqualTo("review");

        new Preview(this, id).shot("preview");
        new SignIn().signOut();

        // ---- the editor edits, schedules, and the schedule publishes at the time
        new SignIn().as("editor1");
        ArticleList list = ArticleList.withStatus(this, "review");
        assertThat(list.titles()).contains("市区道路周末养护施工");
        list.shot("list");

        editor = Editor.open(this, id);
        WebElement title = driver.findElement(By.id("title"));
        title.sendKeys(Keys.END, "（更新）");
        editor.save();
        // Whole seconds: the schedule field holds seconds, so the stored time is this one, not a fraction earlier.
        Instant at = Instant.now().plusSeconds(8).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        editor.schedule(at);
        assertThat(status(id)).isEqualTo("scheduled");
        assertThat(TestSites.get(port, "/articles/" + id).statusCode()).as("not public before its time").isEqualTo(404);

        PublicPage page = PublicPage.waitFor(this, id, Duration.ofSeconds(40));
        Instant seen = page.firstSeen;
        published = Duration.between(at, seen);
        assertThat(seen).as("published at its time, not before").isAfterOrEqualTo(at);
        assertThat(Duration.between(at, seen)).as("within seconds of its time").isLessThan(Duration.ofSeconds(30));
        assertThat(page.heading()).isEqualTo("市区道路周末养护施工（更新）");
        assertThat(driver.findElement(By.cssSelector(".article .body img")).getAttribute("src")).isEqualTo(imageUrl);
        page.shot("public-article");

        // ---- compare two revisions and restore the first
        Revisions revisions = Revisions.open(this, id);
        revisions.compare(1, 2);
        assertThat(driver.findElement(By.cssSelector("dl.diff")).getText()).contains("（更新）");
        assertThat(driver.findElement(By.cssSelector("dl.diff ins")).getText()).isEqualTo("（更新）");
        shot("diff");
        revisions.restoreFromDiff();
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("市区道路周末养护施工");
        wait.withTimeout(Duration.ofSeconds(15)).until(d -> TestSites.get(port, "/articles/" + id).body().contains("<h1>市区道路周末养护施工</h1>"));
        assertThat(jdbc.sql("SELECT reason FROM article_revision WHERE article_id = ? ORDER BY number DESC LIMIT 1").param(id).query(String.class).single())
                .isEqualTo("restore:1");
        new Dashboard().shot("dashboard-editor");
        assertThat(driver.findElement(By.id("activity")).isDisplayed()).isTrue();
    }

    // ---- screens

    void shot(String name) throws IOException {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0); if (document.activeElement) { document.activeElement.blur(); }");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String status(long id) {
        return Newsroom.status(jdbc, id);
    }

    /** A photo-like PNG made here: a gradient with a few shapes, large enough to get thumbnails. */
    static Path photo() throws IOException {
        BufferedImage image = new BufferedImage(800, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), 800, 450, new Color(240, 200, 90)));
        g.fillRect(0, 0, 800, 450);
        g.setColor(new Color(60, 60, 60));
        g.fillRect(0, 300, 800, 150);
        g.setColor(Color.WHITE);
        for (int x = 20; x < 800; x += 90) {
            g.fillRect(x, 370, 50, 8);
        }
        g.dispose();
        Path file = Files.createDirectories(Path.of("target", "test-data")).resolve("road.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    class SignIn {
        void as(String user) {
            driver.get(url("/admin/login"));
            driver.findElement(By.id("username")).sendKeys(user);
            WebElement password = driver.findElement(By.id("password"));
            password.sendKeys(PASSWORD);
            password.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.urlToBe(url("/admin")));
        }

        void signOut() {
            driver.get(url("/admin"));
            driver.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();
            wait.until(ExpectedConditions.urlContains("/admin/login"));
        }
    }

    class Dashboard {
        Dashboard() {
            if (!driver.getCurrentUrl().equals(url("/admin"))) {
                driver.get(url("/admin"));
            }
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("counts")));
        }

        void shot(String name) throws IOException {
            EditorialBrowserIT.this.shot(name);
        }
    }

    static final class Editor {
        private final EditorialBrowserIT test;
        private final WebDriver driver;

        private Editor(EditorialBrowserIT test) {
            this.test = test;
            this.driver = test.driver;
            // The script turned the textarea into Quill: the visual editor is there and the textarea hidden.
            test.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ql-editor")));
            assertThat(driver.findElement(By.id("body")).isDisplayed()).isFalse();
        }

        static Editor blank(EditorialBrowserIT test) {
            test.driver.get(test.url("/admin/articles/new"));
            return new Editor(test);
        }

        static Editor open(EditorialBrowserIT test, long id) {
            test.driver.get(test.url("/admin/articles/" + id + "/edit"));
            return new Editor(test);
        }

        void type(String field, String text) {
            WebElement input = driver.findElement(By.id(field));
            input.clear();
            input.sendKeys(text);
        }

        void chooseChannel(String name) {
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("channel"))).selectByVisibleText(name);
        }

        void writeBody(String text) {
            WebElement body = driver.findElement(By.cssSelector(".ql-editor"));
            body.click();
            body.sendKeys(text, Keys.ENTER);
        }

        /** The toolbar's image button opens a file chooser; the file goes to POST /admin/media and comes back as an image. */
        void insertImage(Path file) {
            driver.findElement(By.cssSelector(".ql-toolbar button.ql-image")).click();
            WebElement chooser = test.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("editor-file")));
            chooser.sendKeys(file.toAbsolutePath().toString());
            test.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ql-editor img")));
            assertThat(driver.findElement(By.id("upload-status")).getText()).isEqualTo("图片已上传。");
        }

        /** Tab in the body moves on to the next field (the summary), as everywhere else: the editor is no keyboard trap. */
        void tabLeavesTheBody() {
            WebElement body = driver.findElement(By.cssSelector(".ql-editor"));
            body.sendKeys(Keys.TAB);
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("summary");
            assertThat(body.getText()).doesNotContain("\t");
        }

        void useSuggestedSummary() {
            // The suggestion is made from the saved body; on a new article it appears after the first save, so fill it by hand here.
            List<WebElement> button = driver.findElements(By.id("use-suggestion"));
            if (!button.isEmpty() && button.getFirst().isDisplayed()) {
                button.getFirst().click();
            } else {
                type("summary", "市区道路将于本周末进行养护施工。");
            }
        }

        void save() {
            driver.findElement(By.id("save")).click();
            test.wait.until(ExpectedConditions.urlContains("/edit?saved"));
            test.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ql-editor")));
        }

        long id() {
            String url = driver.getCurrentUrl();
            String rest = url.substring(url.indexOf("/admin/articles/") + "/admin/articles/".length());
            return Long.parseLong(rest.substring(0, rest.indexOf('/')));
        }

        void press(String button) {
            driver.findElement(By.id(button)).click();
            test.wait.until(ExpectedConditions.urlContains("done="));
        }

        String notice() {
            return driver.findElement(By.cssSelector("p.notice[role=status]")).getText();
        }

        void schedule(Instant at) {
            WebElement field = driver.findElement(By.id("schedule-at"));
            String local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(LocalDateTime.ofInstant(at, SITE_ZONE));
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, local);
            driver.findElement(By.id("action-schedule")).click();
            test.wait.until(ExpectedConditions.urlContains("done=schedule"));
        }

        void shot(String name) throws IOException {
            test.shot(name);
        }
    }

    static final class Preview {
        private final EditorialBrowserIT test;

        Preview(EditorialBrowserIT test, long id) {
            this.test = test;
            test.driver.get(test.url("/admin/articles/" + id + "/preview"));
            assertThat(test.driver.findElement(By.id("preview-banner")).getText()).contains("预览");
            assertThat(test.driver.findElement(By.cssSelector("meta[name=robots]")).getAttribute("content")).contains("noindex");
        }

        void shot(String name) throws IOException {
            test.shot(name);
        }
    }

    static final class ArticleList {
        private final EditorialBrowserIT test;

        private ArticleList(EditorialBrowserIT test) {
            this.test = test;
        }

        static ArticleList withStatus(EditorialBrowserIT test, String status) {
            test.driver.get(test.url("/admin/articles"));
            new org.openqa.selenium.support.ui.Select(test.driver.findElement(By.id("f-status"))).selectByValue(status);
            test.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            test.wait.until(ExpectedConditions.urlContains("status=" + status));
            return new ArticleList(test);
        }

        List<String> titles() {
            return test.driver.findElements(By.cssSelector("#bulk tbody td:nth-child(2) a")).stream().map(WebElement::getText).toList();
        }

        void shot(String name) throws IOException {
            test.shot(name);
        }
    }

    static final class PublicPage {
        private final EditorialBrowserIT test;

        /** When plain HTTP first got the page. */
        final Instant firstSeen;

        private PublicPage(EditorialBrowserIT test, Instant firstSeen) {
            this.test = test;
            this.firstSeen = firstSeen;
        }

        /**
         * Asks for the reader's page over plain HTTP until it is there (404 until the schedule publishes it),
         * then opens it in the browser. Not by reloading in the browser: a 404 may be cached for a minute
         * (Cache-Control public, max-age=60, like every reader page), which is the site's documented delay.
         */
        static PublicPage waitFor(EditorialBrowserIT test, long id, Duration timeout) {
            Instant end = Instant.now().plus(timeout);
            while (TestSites.get(test.port, "/articles/" + id).statusCode() != 200) {
                if (Instant.now().isAfter(end)) {
                    fail("article " + id + " was not public " + timeout.toSeconds() + " s after it was scheduled");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            Instant seen = Instant.now();
            test.driver.get(test.url("/articles/" + id));
            return new PublicPage(test, seen);
        }

        String heading() {
            return test.driver.findElement(By.cssSelector("article.article h1")).getText();
        }

        void shot(String name) throws IOException {
            test.shot(name);
        }
    }

    static final class Revisions {
        private final EditorialBrowserIT test;

        private Revisions(EditorialBrowserIT test) {
            this.test = test;
        }

        static Revisions open(EditorialBrowserIT test, long id) {
            test.driver.get(test.url("/admin/articles/" + id + "/revisions"));
            return new Revisions(test);
        }

        void compare(int from, int to) {
            test.driver.findElement(By.cssSelector("input[name=from][value='" + from + "']")).click();
            test.driver.findElement(By.cssSelector("input[name=to][value='" + to + "']")).click();
            test.driver.findElement(By.id("compare-button")).click();
            test.wait.until(ExpectedConditions.urlContains("/revisions/diff"));
        }

        void restoreFromDiff() {
            test.driver.findElement(By.cssSelector("form[action$='/restore'] button")).click();
            test.wait.until(ExpectedConditions.urlContains("restored="));
        }
    }
}
