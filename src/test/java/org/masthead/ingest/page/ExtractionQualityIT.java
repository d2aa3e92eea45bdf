package org.masthead.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.masthead.ingest.fetch.TextDecoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extraction quality on the two corpora: bag-of-tokens precision, recall and F1 of the extracted text
 * against the expected text (a token is a run of letters or digits, or one CJK character, so Chinese
 * and English count alike), for PageExtraction and for the whole page text as a baseline. Numbers go
 * to the log and target/extraction-quality.txt; bench/README.md quotes them.
 */
class ExtractionQualityIT {

    private static final Logger log = LoggerFactory.getLogger(ExtractionQualityIT.class);
    static final Path CORPUS = Path.of(System.getProperty("masthead.shared", "../shared"), "corpus");
    final PageExtraction extraction = new PageExtraction(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));

    record Score(double precision, double recall, double f1) {}

    static final class Totals {
        int pages, failures;
        double p, r, f, baseP, baseR, baseF;
        int titleChecked, titleAgreed;

        void add(Score ours, Score base) {
            pages++;
            p += ours.precision();
            r += ours.recall();
            f += ours.f1();
            baseP += base.precision();
            baseR += base.recall();
            baseF += base.f1();
        }

        String line(String name) {
            return String.format(Locale.ROOT, "%-34s %5d %8d   P %.3f R %.3f F1 %.3f   | whole page text: P %.3f R %.3f F1 %.3f   titles %d/%d%n", name, pages, failures,
                    p / pages, r / pages, f / pages, baseP / pages, baseR / pages, baseF / pages, titleAgreed, titleChecked);
        }
    }

    @Test
    void extractsTheArticleTextFromBothCorpora() throws IOException {
        Path mozilla = CORPUS.resolve("mozilla-readability-test-pages/test/test-pages");
        Path scrapinghub = CORPUS.resolve("article-extraction-benchmark");
        assumeTrue(Files.isDirectory(mozilla) && Files.isDirectory(scrapinghub), "corpus absent: " + CORPUS);
        JsonMapper json = JsonMapper.builder().build();

        Totals moz = new Totals();
        Totals mozChinese = new Totals();
        List<String> chinese = List.of("qq", "gmw", "youth", "pixnet");
        try (var dirs = Files.list(mozilla)) {
            for (Path dir : dirs.sorted().toList()) {
                if (!Files.isReadable(dir.resolve("source.html")) || !Files.isReadable(dir.resolve("expected.html"))) {
                    continue;
                }
                String source = TextDecoding.decode(Files.readAllBytes(dir.resolve("source.html")), null).text();
                String expected = Jsoup.parse(Files.readString(dir.resolve("expected.html"))).text();
                String expectedTitle = Files.isReadable(dir.resolve("expected-metadata.json"))
                        ? json.readTree(Files.readString(dir.resolve("expected-metadata.json"))).path("title").asString(null) : null;
                Totals bucket = chinese.contains(dir.getFileName().toString()) ? mozChinese : moz;
                score(source, expected, expectedTitle, bucket);
            }
        }
        Totals sh = new Totals();
        JsonNode truth = json.readTree(Files.readString(scrapinghub.resolve("ground-truth.json")));
        for (var entry : truth.properties()) {
            Path page = scrapinghub.resolve("html/" + entry.getKey() + ".html.gz");
            if (!Files.isReadable(page)) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                bytes = in.readAllBytes();
            }
            score(TextDecoding.decode(bytes, null).text(), entry.getValue().path("articleBody").asString(""), null, sh);
        }
        String report = String.format(Locale.ROOT, "%-34s %5s %8s%n", "corpus", "pages", "failed")
                + moz.line("mozilla readability (non-Chinese)") + mozChinese.line("mozilla readability (Chinese)") + sh.line("scrapinghub benchmark");
        Files.writeString(Path.of("target", "extraction-quality.txt"), report);
        log.info("extraction quality:\n{}", report);

        assertThat(moz.pages + mozChinese.pages).isGreaterThan(100);
        assertThat(sh.pages).isGreaterThan(150);
        // Extraction must beat taking the whole page, and by a clear margin, on both corpora.
        assertThat(moz.f / moz.pages).isGreaterThan(moz.baseF / moz.pages + 0.05);
        assertThat(sh.f / sh.pages).isGreaterThan(sh.baseF / sh.pages + 0.2);
    }

    private void score(String source, String expected, String expectedTitle, Totals totals) {
        String whole = Jsoup.parse(source).body() == null ? "" : Jsoup.parse(source).body().text();
        String extracted;
        try {
            ExtractedPage page = extraction.extract(source, URI.create("http://example.com/article"));
            extracted = Jsoup.parse(page.bodyHtml()).text();
            if (expectedTitle != null) {
                totals.titleChecked++;
                if (expectedTitle.strip().equals(page.title()) || expectedTitle.contains(page.title()) || page.title().contains(expectedTitle.strip())) {
                    totals.titleAgreed++;
                }
            }
        } catch (PageExtractionException e) {
            totals.failures++;
            extracted = "";
        }
        totals.add(f1(tokens(extracted), tokens(expected)), f1(tokens(whole), tokens(expected)));
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            boolean cjk = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (Character.isLetterOrDigit(cp) && !cjk) {
                word.appendCodePoint(cp);
                return;
            }
            if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
            if (cjk) {
                out.add(new String(Character.toChars(cp)));
            }
        });
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    static Score f1(List<String> predicted, List<String> truth) {
        if (predicted.isEmpty() || truth.isEmpty()) {
            return new Score(predicted.isEmpty() && truth.isEmpty() ? 1 : 0, predicted.isEmpty() && truth.isEmpty() ? 1 : 0, predicted.isEmpty() && truth.isEmpty() ? 1 : 0);
        }
        Map<String, Integer> counts = new HashMap<>();
        truth.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : predicted) {
            Integer n = counts.get(t);
            if (n != null && n > 0) {
                common++;
                counts.put(t, n - 1);
            }
        }
        double p = (double) common / predicted.size();
        double r = (double) common / truth.size();
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
