package org.masthead.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.masthead.ingest.fetch.TextDecoding;
import org.masthead.text.BodyHtml;
import org.masthead.text.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every feed of the feedparser, Rome and Miniflux test suites (../shared/corpus) through charset
 * choice and the parser: each is parsed or rejected with a reason; none may crash. Where feedparser's
 * {@code Expect:} line names a title or link we read, it is checked; sanitising cases must come out
 * with nothing executable. The counts go to the log and target/feed-corpus.txt.
 */
class FeedCorpusTest {

    private static final Logger log = LoggerFactory.getLogger(FeedCorpusTest.class);
    static final Path CORPUS = Path.of(System.getProperty("masthead.shared", "../shared"), "corpus");
    static final Pattern HEADER_CHARSET = Pattern.compile("(?m)^Header:\\s*Content-type:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    static final Pattern EXPECT = Pattern.compile("(?m)^Expect:\\s*(.*)$");
    static final Pattern EXPECT_FIELD = Pattern.compile("(entries\\[0\\]|feed)\\['(title|link)'\\]\\s*==\\s*u?'((?:[^'\\\\]|\\\\.)*)'");
    static final Pattern GO_RAW_STRING = Pattern.compile("`(\\s*(?:<\\?xml|<rss|<feed|<rdf:RDF|\\{)[^`]*)`", Pattern.DOTALL);
    static final Pattern DANGEROUS = Pattern.compile("<script|<iframe|<object|<embed|<style|javascript:|vbscript:|\\son[a-z]+\\s*=|expression\\(|<meta|<link|<form|<base", Pattern.CASE_INSENSITIVE);

    final FeedParsing parsing = new FeedParsing(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));

    record Case(String name, byte[] bytes, String header, String expect) {}

    static final class Tally {
        int parsed, withItems, rejected, crashed, expectChecked, expectAgreed, sanitizeChecked, sanitizeDangerous;
        final List<String> crashes = new ArrayList<>();
        final List<String> rejectedFiles = new ArrayList<>();
        final List<String> disagreements = new ArrayList<>();
        final TreeMap<String, Integer> reasons = new TreeMap<>();
    }

    @Test
    void noFeedOfTheThreeSuitesCrashesTheParser() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS.resolve("feedparser-tests")), "corpus absent: " + CORPUS);
        TreeMap<String, Tally> bySuite = new TreeMap<>();
        for (Case c : feedparserCases()) {
            run(c, bySuite.computeIfAbsent("feedparser " + c.name().split("/")[0], k -> new Tally()));
        }
        for (Case c : romeCases()) {
            run(c, bySuite.computeIfAbsent("rome", k -> new Tally()));
        }
        for (Case c : minifluxCases()) {
            run(c, bySuite.computeIfAbsent("miniflux", k -> new Tally()));
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%-24s %6s %7s %9s %8s %8s %16s %18s%n",
                "suite", "files", "parsed", "w/ items", "rejected", "crashed", "Expect agreed", "sanitised unsafe"));
        Tally all = new Tally();
        bySuite.forEach((suite, t) -> {
            report.append(String.format(Locale.ROOT, "%-24s %6d %7d %9d %8d %8d %10d / %-5d %11d / %-5d%n", suite, t.parsed + t.rejected + t.crashed,
                    t.parsed, t.withItems, t.rejected, t.crashed, t.expectAgreed, t.expectChecked, t.sanitizeDangerous, t.sanitizeChecked));
            all.parsed += t.parsed;
            all.withItems += t.withItems;
            all.rejected += t.rejected;
            all.crashed += t.crashed;
            all.expectChecked += t.expectChecked;
            all.expectAgreed += t.expectAgreed;
            all.sanitizeChecked += t.sanitizeChecked;
            all.sanitizeDangerous += t.sanitizeDangerous;
            all.crashes.addAll(t.crashes);
            all.rejectedFiles.addAll(t.rejectedFiles);
            all.disagreements.addAll(t.disagreements);
            t.reasons.forEach((k, v) -> all.reasons.merge(k, v, Integer::sum));
        });
        report.append(String.format(Locale.ROOT, "%-24s %6d %7d %9d %8d %8d %10d / %-5d %11d / %-5d%n", "all", all.parsed + all.rejected + all.crashed,
                all.parsed, all.withItems, all.rejected, all.crashed, all.expectAgreed, all.expectChecked, all.sanitizeDangerous, all.sanitizeChecked));
        report.append("\nrejection reasons (first words):\n");
        all.reasons.forEach((k, v) -> report.append(String.format(Locale.ROOT, "%5d  %s%n", v, k)));
        report.append("\nExpect disagreements (first 40):\n");
        all.disagreements.stream().limit(40).forEach(d -> report.append("  ").append(d).append('\n'));
        report.append("\nrejected files:\n");
        all.rejectedFiles.forEach(d -> report.append("  ").append(d.length() > 200 ? d.substring(0, 200) : d).append('\n'));
        Files.writeString(Path.of("target", "feed-corpus.txt"), report);
        log.info("feed corpus run:\n{}", report);

        assertThat(all.crashes).as("crashed").isEmpty();
        assertThat(all.sanitizeDangerous).as("sanitised items with something executable left").isZero();
        assertThat(all.parsed + all.rejected).isGreaterThan(2000);
        // The well-formed suites must overwhelmingly parse; a regression that rejects good feeds shows here.
        Tally wellformed = bySuite.get("feedparser wellformed");
        assertThat(wellformed.parsed).isGreaterThan((int) (0.95 * (wellformed.parsed + wellformed.rejected)));
        assertThat(all.expectAgreed).isGreaterThan((int) (0.9 * all.expectChecked));
    }

    private void run(Case c, Tally t) {
        try {
            String text = TextDecoding.decode(c.bytes(), c.header()).text();
            ParsedFeed feed = parsing.parse(text, URI.create("http://example.com/feed.xml"));
            t.parsed++;
            if (!feed.items().isEmpty()) {
                t.withItems++;
            }
            if (c.expect() != null) {
                checkExpect(c, feed, t);
            }
            if (c.name().contains("/sanitize/")) {
                for (FeedItem item : feed.items()) {
                    for (String html : new String[] {item.contentHtml(), item.summaryHtml()}) {
                        if (html != null) {
                            t.sanitizeChecked++;
                            String clean = BodyHtml.sanitize(html);
                            if (DANGEROUS.matcher(clean).find()) {
                                t.sanitizeDangerous++;
                                t.disagreements.add(c.name() + " left unsafe: " + clean);
                            }
                        }
                    }
                }
            }
        } catch (FeedParseException e) {
            assertThat(e.getMessage()).as(c.name()).isNotBlank();
            t.rejected++;
            t.rejectedFiles.add(c.name() + ": " + e.getMessage());
            String reason = e.getMessage().replaceAll("[0-9]+", "N");
            t.reasons.merge(reason.length() > 70 ? reason.substring(0, 70) : reason, 1, Integer::sum);
        } catch (Throwable e) {
            t.crashed++;
            t.crashes.add(c.name() + ": " + e);
        }
    }

    private static void checkExpect(Case c, ParsedFeed feed, Tally t) {
        Matcher m = EXPECT_FIELD.matcher(c.expect());
        while (m.find()) {
            String expected = unescapePython(m.group(3));
            String actual;
            if (m.group(1).equals("feed")) {
                actual = m.group(2).equals("title") ? feed.title() : feed.link();
            } else if (feed.items().isEmpty()) {
                actual = null;
            } else {
                FeedItem first = feed.items().getFirst();
                actual = m.group(2).equals("title") ? first.title() : first.link();
            }
            if (m.group(2).equals("title")) {
                // Masthead keeps titles as plain text: compare what a reader would see.
                expected = PlainText.fromHtml(expected);
                actual = actual == null ? null : PlainText.fromHtml(actual);
            }
            t.expectChecked++;
            if (expected.equals(actual) || (expected.isEmpty() && actual == null)) {
                t.expectAgreed++;
            } else {
                t.disagreements.add(c.name() + ": " + m.group(1) + "." + m.group(2) + " expected [" + expected + "] got [" + actual + "]");
            }
        }
    }

    static String unescapePython(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                switch (next) {
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    case 'x' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    default -> out.append(next);
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    static List<Case> feedparserCases() throws IOException {
        Path root = CORPUS.resolve("feedparser-tests/tests");
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json")).sorted().forEach(p -> {
                byte[] bytes = read(p);
                String head = new String(bytes, 0, Math.min(bytes.length, 2000), StandardCharsets.ISO_8859_1);
                Matcher header = HEADER_CHARSET.matcher(head);
                Matcher expect = EXPECT.matcher(head);
                cases.add(new Case(root.relativize(p).toString(), bytes, header.find() ? TextDecoding.charsetOfContentType(header.group(1)) : null,
                        expect.find() ? new String(expect.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : null));
            });
        }
        return cases;
    }

    static List<Case> romeCases() throws IOException {
        Path root = CORPUS.resolve("rome-tests");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".rss")).sorted()
                    .map(p -> new Case(root.relativize(p).toString(), read(p), null, null)).toList();
        }
    }

    /** The suite's own files plus the feeds written inline in its Go tests (raw `…` strings). */
    static List<Case> minifluxCases() throws IOException {
        Path root = CORPUS.resolve("miniflux-reader-tests");
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted().toList()) {
                String name = root.relativize(p).toString();
                if (name.endsWith(".xml")) {
                    cases.add(new Case(name, read(p), null, null));
                } else if (name.endsWith("_test.go") && (name.contains("/rss/") || name.contains("/atom/") || name.contains("/rdf/") || name.contains("/json/") || name.contains("/parser/"))) {
                    Matcher m = GO_RAW_STRING.matcher(Files.readString(p));
                    int n = 0;
                    while (m.find()) {
                        cases.add(new Case(name + "#" + (++n), m.group(1).getBytes(StandardCharsets.UTF_8), null, null));
                    }
                }
            }
        }
        return cases;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
