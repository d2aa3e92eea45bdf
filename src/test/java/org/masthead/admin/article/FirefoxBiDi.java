package org.masthead.admin.article;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.bidi.BiDi;
import org.openqa.selenium.bidi.BiDiException;
import org.openqa.selenium.bidi.Command;
import org.openqa.selenium.bidi.Connection;
import org.openqa.selenium.bidi.Event;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

/**
 * Debian's Firefox ESR driven over its own WebDriver BiDi endpoint, with Selenium's BiDi client
 * ({@link Connection}, {@link BiDi}, {@link Command}) and no geckodriver: Debian does not package one and
 * the build machines cannot fetch one. Firefox is started headless with {@code --remote-debugging-port 0}
 * (it picks a free port and prints it) and a fresh profile whose {@code user.js} keeps it off the network;
 * {@code session.new} on {@code ws://127.0.0.1:<port>/session} opens the session.
 *
 * <p>Typing and clicking go through {@code input.performActions}, so Firefox dispatches real key and
 * pointer events (keydown/keypress/input, focus moves on Tab); reading the page goes through
 * {@code script.evaluate}. Every uncaught script error and {@code console.error} of the pages is kept
 * ({@code log.entryAdded}) for the test to assert on.
 */
final class FirefoxBiDi implements AutoCloseable {

    static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    static final String TAB = "\uE004";
    static final String ENTER = "\uE007";
    static final String CONTROL = "\uE009";
    static final String ARROW_DOWN = "\uE015";

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");

    /**
     * Written into the fresh profile before the first start. The network is closed on the build machines,
     * and a test browser has no business calling home anyway: no updates, telemetry, experiments, remote
     * settings, safe-browsing lists, captive-portal or connectivity probes, first-run pages or
     * form/password memory (whose pop-ups would sit between the keyboard and the page).
     */
    private static final List<String> PREFS = List.of(
            "app.normandy.enabled=false",
            "app.normandy.api_url=\"\"",
            "app.shield.optoutstudies.enabled=false",
            "app.update.auto=false",
            "app.update.disabledForTesting=true",
            "browser.aboutwelcome.enabled=false",
            "browser.backup.enabled=false",
            "browser.backup.scheduled.enabled=false",
            "browser.discovery.enabled=false",
            "browser.formfill.enable=false",
            "browser.newtabpage.enabled=false",
            "browser.ping-centre.telemetry=false",
            "browser.region.network.url=\"\"",
            "browser.region.update.enabled=false",
            "browser.safebrowsing.blockedURIs.enabled=false",
            "browser.safebrowsing.downloads.enabled=false",
            "browser.safebrowsing.downloads.remote.enabled=false",
            "browser.safebrowsing.malware.enabled=false",
            "browser.safebrowsing.phishing.enabled=false",
            "browser.safebrowsing.provider.google.updateURL=\"\"",
            "browser.safebrowsing.provider.google4.updateURL=\"\"",
            "browser.safebrowsing.provider.mozilla.updateURL=\"\"",
            "browser.search.update=false",
            "browser.sessionstore.resume_from_crash=false",
            "browser.shell.checkDefaultBrowser=false",
            "browser.startup.homepage_override.mstone=\"ignore\"",
            "browser.startup.page=0",
            "browser.tabs.warnOnClose=false",
            "browser.topsites.contile.enabled=false",
            "browser.uitour.enabled=false",
            "datareporting.healthreport.uploadEnabled=false",
            "datareporting.policy.dataSubmissionEnabled=false",
            "datareporting.policy.dataSubmissionPolicyBypassNotification=true",
            "dom.disable_beforeunload=true",
            "extensions.blocklist.enabled=false",
            "extensions.getAddons.cache.enabled=false",
            "extensions.update.enabled=false",
            "focusmanager.testmode=true",
            "geo.provider.network.url=\"\"",
            "intl.accept_languages=\"zh-CN, zh\"",
            "media.gmp-manager.updateEnabled=false",
            "messaging-system.rsexperimentloader.enabled=false",
            "network.captive-portal-service.enabled=false",
            "network.connectivity-service.enabled=false",
            "network.dns.disablePrefetch=true",
            "network.predictor.enabled=false",
            "network.prefetch-next=false",
            "nimbus.debug=false",
            "security.OCSP.enabled=0",
            "services.settings.server=\"http://127.0.0.1:9/\"",
            "signon.rememberSignons=false",
            "startup.homepage_welcome_url=\"about:blank\"",
            "startup.homepage_welcome_url.additional=\"\"",
            "toolkit.startup.max_resumed_crashes=-1",
            "toolkit.telemetry.enabled=false",
            "toolkit.telemetry.reportingpolicy.firstRun=false",
            "toolkit.telemetry.server=\"\"");

    private final Process process;
    private final Path profile;
    private final BiDi bidi;
    private final String context;
    private final String version;
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    private FirefoxBiDi(Process process, Path profile, BiDi bidi, String context, String version) {
        this.process = process;
        this.profile = profile;
        this.bidi = bidi;
        this.context = context;
        this.version = version;
    }

    /** Starts Firefox ESR, or fails naming the script that installs it. */
    static FirefoxBiDi start(Path workDir, int width, int height) throws IOException {
        if (!Files.isExecutable(FIREFOX)) {
            fail("Firefox ESR is missing (" + FIREFOX + "): run `bash .ci/install-browser.sh` as root (CI runs it before the build).");
        }
        Files.createDirectories(workDir);
        Path profile = Files.createTempDirectory(workDir, "profile-");
        List<String> lines = PREFS.stream().map(p -> {
            int eq = p.indexOf('=');
            return "user_pref(\"" + p.substring(0, eq) + "\", " + p.substring(eq + 1) + ");";
        }).toList();
        Files.write(profile.resolve("user.js"), lines, StandardCharsets.UTF_8);
        Path log = profile.resolveSibling(profile.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(FIREFOX.toString(), "--headless", "--no-remote", "--profile", profile.toString(),
                "--remote-debugging-port", "0", "about:blank");
        builder.environment().put("MOZ_CRASHREPORTER_DISABLE", "1");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            String endpoint = endpoint(process, log, Duration.ofSeconds(90));
            URI socket = URI.create(endpoint + "/session");
            HttpClient client = HttpClient.Factory.createDefault().createClient(ClientConfig.defaultConfig().baseUri(socket));
            BiDi bidi = new BiDi(new Connection(client, socket.toString()), COMMAND_TIMEOUT);
            Map<?, ?> session = bidi.send(new Command<>("session.new", Map.of("capabilities", Map.of()), Map.class));
            String version = String.valueOf(((Map<?, ?>) session.get("capabilities")).get("browserVersion"));
            Map<?, ?> tree = bidi.send(new Command<>("browsingContext.getTree", Map.of("maxDepth", 0), Map.class));
            String context = (String) ((Map<?, ?>) ((List<?>) tree.get("contexts")).getFirst()).get("context");
            FirefoxBiDi firefox = new FirefoxBiDi(process, profile, bidi, context, version);
            bidi.addListener(new Event<Map<String, Object>>("log.entryAdded", params -> params), firefox::logged);
            bidi.send(new Command<>("browsingContext.setViewport", Map.of("context", context, "viewport", Map.of("width", width, "height", height)), Map.class));
            return firefox;
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static String endpoint(Process process, Path log, Duration timeout) throws IOException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Matcher m = LISTENING.matcher(read(log));
            if (m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                fail("Firefox exited (" + process.exitValue() + ") before opening WebDriver BiDi:\n" + read(log));
            }
            pause(100);
        }
        process.destroyForcibly();
        return fail("Firefox did not open WebDriver BiDi within " + timeout.toSeconds() + " s:\n" + read(log));
    }

    /** Firefox's own output, read leniently: it is a log, not necessarily well-formed UTF-8. */
    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    private void logged(Map<String, Object> entry) {
        if ("error".equals(entry.get("level"))) {
            errors.add(entry.get("type") + ": " + entry.get("text"));
        }
    }

    /** Script errors and console errors the pages reported so far. */
    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** The version Firefox gave in its answer to session.new, e.g. 153.8.0esr. */
    String version() {
        return version;
    }

    /** Loads a page and waits until its load event. */
    void navigate(String url) {
        bidi.send(new Command<>("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"), Map.class));
    }

    /**
     * Runs an expression in the page and returns its value: a string, boolean, number (Long or Double),
     * null, or for anything else the raw BiDi remote value. A thrown script error fails the test.
     */
    Object eval(String expression) {
        Map<?, ?> answer = bidi.send(new Command<>("script.evaluate",
                Map.of("expression", expression, "target", Map.of("context", context), "awaitPromise", true), Map.class));
        if ("exception".equals(answer.get("type"))) {
            Map<?, ?> details = (Map<?, ?>) answer.get("exceptionDetails");
            throw new AssertionError("script error in `" + expression + "`: " + details.get("text"));
        }
        return value((Map<?, ?>) answer.get("result"));
    }

    String text(String expression) {
        Object value = eval(expression);
        return value == null ? null : value.toString();
    }

    boolean test(String expression) {
        return Boolean.TRUE.equals(eval(expression));
    }

    private static Object value(Map<?, ?> remote) {
        Object type = remote.get("type");
        return switch (String.valueOf(type)) {
            case "string", "boolean" -> remote.get("value");
            case "number" -> remote.get("value") instanceof Number n ? n : remote.get("value").toString();
            case "null", "undefined" -> null;
            default -> remote;
        };
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} passes. A navigation in flight may make a
     * script call fail (its document is going away); that counts as "not yet".
     */
    void until(String what, Duration timeout, Supplier<Boolean> condition) {
        Instant end = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
                last = null;
            } catch (BiDiException | AssertionError e) {
                last = e instanceof BiDiException b ? b : new IllegalStateException(e);
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + " (page: " + safeUrl() + ")", last);
            }
            pause(100);
        }
    }

    /** Waits until the page at an address matching {@code part} has loaded. */
    void waitForUrl(String part, Duration timeout) {
        until("an address containing " + part, timeout, () -> test("location.href.includes(" + js(part) + ") && document.readyState === 'complete'"));
    }

    String url() {
        return text("location.href");
    }

    private String safeUrl() {
        try {
            return url();
        } catch (RuntimeException | AssertionError e) {
            return "?";
        }
    }

    /**
     * Scrolls the element {@code selector} finds into view (as WebDriver classic's click does; BiDi's
     * pointer actions refuse a point outside the viewport), moves the mouse to its middle and clicks.
     */
    void click(String selector) {
        Map<?, ?> answer = bidi.send(new Command<>("script.evaluate",
                Map.of("expression", "(function (e) { if (e) { e.scrollIntoView({ block: 'center' }); } return e; })(document.querySelector(" + js(selector) + "))",
                        "target", Map.of("context", context), "awaitPromise", false), Map.class));
        Map<?, ?> node = (Map<?, ?>) answer.get("result");
        if (node == null || !"node".equals(node.get("type"))) {
            throw new AssertionError("nothing to click at " + selector + " on " + safeUrl());
        }
        Map<String, Object> origin = Map.of("type", "element", "element", Map.of("sharedId", node.get("sharedId")));
        actions(Map.of("type", "pointer", "id", "mouse", "parameters", Map.of("pointerType", "mouse"), "actions", List.of(
                Map.of("type", "pointerMove", "x", 0, "y", 0, "origin", origin),
                Map.of("type", "pointerDown", "button", 0),
                Map.of("type", "pointerUp", "button", 0))));
    }

    /** Types each character (or WebDriver key such as {@link #TAB}) as a key press on the focused element. */
    void type(String text) {
        List<Map<String, Object>> keys = new ArrayList<>();
        text.codePoints().forEach(c -> {
            String key = Character.toString(c);
            keys.add(Map.of("type", "keyDown", "value", key));
            keys.add(Map.of("type", "keyUp", "value", key));
        });
        actions(Map.of("type", "key", "id", "keyboard", "actions", keys));
    }

    /** Presses {@code key} while {@code modifier} is held, as Ctrl+B. */
    void chord(String modifier, String key) {
        actions(Map.of("type", "key", "id", "keyboard", "actions", List.of(
                Map.of("type", "keyDown", "value", modifier),
                Map.of("type", "keyDown", "value", key),
                Map.of("type", "keyUp", "value", key),
                Map.of("type", "keyUp", "value", modifier))));
    }

    private void actions(Map<String, Object> source) {
        bidi.send(new Command<>("input.performActions", Map.of("context", context, "actions", List.of(source)), Map.class));
    }

    /** The viewport as a PNG, with no focus ring or caret in it. */
    void screenshot(Path file) throws IOException {
        eval("window.scrollTo(0, 0); if (document.activeElement) { document.activeElement.blur(); } true");
        Map<?, ?> shot = bidi.send(new Command<>("browsingContext.captureScreenshot", Map.of("context", context), Map.class));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** A JavaScript string literal of {@code s}. */
    static String js(String s) {
        StringBuilder out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\'', '\\' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /** Closes the browser, then the socket: in the other order Firefox would be left running until killed. */
    @Override
    public void close() {
        try {
            bidi.send(new Command<>("browser.close", Map.of(), Map.class), Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            // The browser may close the socket before it answers; it is stopped below either way.
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                bidi.close();
            } catch (RuntimeException e) {
                // The socket went with the browser.
            }
            deleteProfile();
        }
    }

    /** The profile goes (a few MB each run); its log next to it stays, for a failure's post-mortem. */
    private void deleteProfile() {
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left under target/, which `mvn clean` empties.
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
