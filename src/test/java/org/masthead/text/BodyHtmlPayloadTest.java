package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every line of the PayloadsAllTheThings "XSS Injection" lists (../shared/corpus, MIT), sanitised alone and
 * after a paragraph, must come out without anything a browser would run, and sanitising again must change
 * nothing. Skipped where ../shared is not there (a user's clone).
 */
class BodyHtmlPayloadTest {

    private static final Set<String> EXECUTABLE_ELEMENTS = Set.of(
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
            "form", "input", "button", "textarea", "select", "base", "meta", "link", "template", "noscript");

    private static final Set<String> URL_ATTRIBUTES =
            Set.of("href", "src", "action", "formaction", "xlink:href", "srcset");

    private static final List<String> PAYLOADS = new ArrayList<>();
    private static int files;

    private static void assumeCorpusPresent() {
        Assumptions.assumeTrue(files > 0, "../shared corpus not present (a user's clone): skipped");
    }

    @BeforeAll
    static void readPayloads() throws IOException {
        Path shared = Path.of(System.getProperty("masthead.shared", "../shared"));
        Path folder = shared.resolve("corpus/payloads-all-the-things/XSS Injection");
        if (!Files.isDirectory(folder)) {
            return; // each test is then skipped
        }
        List<Path> lists;
        try (Stream<Path> walk = Files.walk(folder)) {
            lists = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path list : lists) {
            // Decoded leniently: a malformed byte becomes U+FFFD instead of failing the read.
            new String(Files.readAllBytes(list), StandardCharsets.UTF_8).lines().forEach(PAYLOADS::add);
        }
        files = lists.size();
        System.out.printf(
                "BodyHtmlPayloadTest: %d payload lines from %d files under %s%n", PAYLOADS.size(), files, folder);
    }

    @Test
    void readsTheWholeCorpus() {
        assumeCorpusPresent();
        assertThat(files).isGreaterThan(1);
        assertThat(PAYLOADS).hasSizeGreaterThan(1000);
    }

    @Test
    void noPayloadLeavesExecutableMarkup() {
        assumeCorpusPresent();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String payload : PAYLOADS) {
            for (String input : List.of(payload, "<p>x</p>" + payload)) {
                String output = BodyHtml.sanitize(input);
                String problem = executableMarkupIn(output);
                if (problem != null) {
                    failures.add(problem + "\n    payload: " + payload + "\n    output:  " + output);
                }
                checked++;
            }
        }
        System.out.printf(
                "BodyHtmlPayloadTest: %d payload lines checked (%d sanitised inputs), %d with executable markup left%n",
                PAYLOADS.size(), checked, failures.size());
        assertThat(failures).as("outputs with executable markup").isEmpty();
    }

    @Test
    void sanitizingAPayloadTwiceChangesNothing() {
        assumeCorpusPresent();
        // Holds for every line (alone and after a paragraph). The OWASP policy alone is not idempotent on 6 of
        // the 6,638 inputs, of two kinds: "<menu …>text" (the policy renames menu to ul; OWASP's output has the
        // text straight in that ul, and only its next pass wraps it in an li) and "<select …>text" (the balancer
        // wraps the text in an li with no list around it; its next pass adds the ul). BodyStructure makes both
        // repairs on the first pass. If a later OWASP release breaks this for some kind of payload, name the
        // kind here and assert only what holds.
        List<String> unstable = new ArrayList<>();
        for (String payload : PAYLOADS) {
            for (String input : List.of(payload, "<p>x</p>" + payload)) {
                String once = BodyHtml.sanitize(input);
                String twice = BodyHtml.sanitize(once);
                if (!twice.equals(once)) {
                    unstable.add("payload: " + payload + "\n    once:  " + once + "\n    twice: " + twice);
                }
            }
        }
        assertThat(unstable).as("payloads whose sanitised form changes when sanitised again").isEmpty();
    }

    /** What a browser could run in the sanitised HTML, or null. */
    static String executableMarkupIn(String html) {
        for (Element element : Jsoup.parseBodyFragment(html).getAllElements()) {
            if (EXECUTABLE_ELEMENTS.contains(element.normalName())) {
                return "element <" + element.normalName() + ">";
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    return "event handler " + name;
                }
                if (name.equals("style")) {
                    return "style attribute";
                }
                if (URL_ATTRIBUTES.contains(name) && hasScriptScheme(attribute.getValue(), name.equals("srcset"))) {
                    return name + "=" + attribute.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Whether a URL (or any srcset candidate) has a javascript:, vbscript: or data: scheme once trimmed,
     * stripped of control characters and white space (anywhere, which is stricter than a browser) and
     * case-folded. Entities: jsoup has decoded them once, as a browser's parser does. They are not decoded
     * a second time: {@code href="java&amp;#12script:javascript:alert(1)"} (the sanitised form of a
     * payload in the list) is the relative URL {@code java&#12script:…} in a browser, not a script.
     */
    static boolean hasScriptScheme(String value, boolean srcset) {
        List<String> candidates = srcset ? List.of(value.split(",")) : List.of(value);
        for (String candidate : candidates) {
            StringBuilder folded = new StringBuilder();
            candidate.strip().codePoints()
                    .filter(c -> c > ' ' && !Character.isISOControl(c))
                    .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                    .forEach(folded::appendCodePoint);
            String url = folded.toString().toLowerCase(Locale.ROOT);
            if (url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:")) {
                return true;
            }
        }
        return false;
    }
}
