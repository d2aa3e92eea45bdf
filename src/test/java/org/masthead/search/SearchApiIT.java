package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search through {@code /api/v1/search} over 300 real Sina articles imported through the API: what a
 * word finds and what it must not, phrases, exclusions, filters, facets, snippets, suggestions, "did
 * you mean", how fast a publish becomes searchable, and a rebuild that never stops answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchApiIT {

    private static final Logger log = LoggerFactory.getLogger(SearchApiIT.class);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final List<String> CANDIDATE_WORDS = List.of("金庸", "足球", "手机", "电影", "学生", "比赛", "球员", "教练", "医生", "孩子",
            "市场", "公司", "中国", "记者", "健康", "时尚");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    SearchIndexing indexing;

    @Autowired
    SearchIndex index;

    private static SinaSample sample;
    private static final Map<Long, SinaSample.Article> byId = new HashMap<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void importSampleOnce() {
        if (sample != null) {
            return;
        }
        SinaSample loaded = SinaSample.load(40, 300);
        long started = System.nanoTime();
        HttpResponse<String> response = TestSites.importAsAdmin(port, loaded.ndjson());
        long imported = System.nanoTime();
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = json.readTree(response.body()).get("results");
        assertThat(results).hasSize(loaded.articles().size());
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get("status").asString()).as(results.get(i).toString()).isEqualTo("created");
            byId.put(results.get(i).get("id").asLong(), loaded.articles().get(i));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> indexing.backlog() == 0 && !indexing.reindexing() && index.checksum().count() == byId.size());
        long indexed = System.nanoTime();
        log.info("Imported {} articles in {} ms; all searchable {} ms after the import returned", byId.size(), (imported - started) / 1_000_000,
                (indexed - imported) / 1_000_000);
        sample = loaded;
    }

    // ---- helpers

    private JsonNode search(String parameters) {
        HttpResponse<String> response = TestSites.get(port, "/api/v1/search?" + parameters);
        assertThat(response.statusCode()).as(parameters + " → " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The ids of every hit, all pages. */
    private List<Long> allIds(String parameters) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode result = search(parameters + "&size=50&page=" + page);
            result.get("hits").forEach(h -> ids.add(h.get("id").asLong()));
            if (page >= result.get("totalPages").asInt()) {
                assertThat(ids).hasSize(result.get("total").asInt());
                return ids;
            }
        }
    }

    private static String squeezed(String text) {
        return WHITESPACE.matcher(text).replaceAll("");
    }

    /** Articles whose title or body contains the text (whitespace ignored). */
    private static Set<Long> containing(String text) {
        Set<Long> ids = new LinkedHashSet<>();
        byId.forEach((id, a) -> {
            if (squeezed(a.text()).contains(text)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Articles that have every character of the word but never the word itself. */
    private static Set<Long> charactersApart(String word) {
        Set<Long> ids = new LinkedHashSet<>();
        byId.forEach((id, a) -> {
            String text = squeezed(a.text());
            if (!text.contains(word) && word.codePoints().allMatch(c -> text.indexOf(c) >= 0)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The first candidate word that some articles contain and others only have apart. */
    private static String wordWithCharactersApartElsewhere() {
        for (String word : CANDIDATE_WORDS) {
            if (containing(word).size() >= 5 && !charactersApart(word).isEmpty()) {
                return word;
            }
        }
        throw new IllegalStateException("no candidate word fits the sample");
    }

    // ---- tests

    @Test
    void aWordFindsTheArticlesContainingItAndNotThoseWithItsCharactersApart() {
        String word = wordWithCharactersApartElsewhere();
        Set<Long> truth = containing(word);
        Set<Long> apart = charactersApart(word);
        List<Long> hits = allIds(q(word));
        log.info("'{}': {} articles contain it, {} have its characters apart; search finds {}", word, truth.size(), apart.size(), hits.size());
        assertThat(truth).containsAll(hits);
        assertThat(hits).doesNotContainAnyElementsOf(apart);
        assertThat((double) hits.size() / truth.size()).as("share of the articles containing '%s' found", word).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void aQuotedPhraseNeedsItsWordsTogetherWhileLooseWordsDoNot() {
        for (String first : CANDIDATE_WORDS) {
            for (String second : CANDIDATE_WORDS) {
                if (first.equals(second) || containing(first + second).isEmpty()) {
                    continue;
                }
                List<Long> quoted = allIds(q("\"" + first + " " + second + "\""));
                List<Long> loose = allIds(q(first + " " + second));
                if (quoted.isEmpty() || loose.size() == quoted.size()) {
                    continue;
                }
                for (long id : quoted) {
                    assertThat(squeezed(byId.get(id).text())).contains(first + second);
                }
                assertThat(loose).containsAll(quoted);
                assertThat(containing(first + second)).containsAll(quoted);
                log.info("phrase \"{} {}\": {} hits; the loose words: {} hits", first, second, quoted.size(), loose.size());
                return;
            }
        }
        throw new AssertionError("no pair of candidate words found both side by side and apart in the sample");
    }

    @Test
    void anExclusionRemovesExactlyTheArticlesWithTheExcludedWord() {
        String word = wordWithCharactersApartElsewhere();
        String other = CANDIDATE_WORDS.stream().filter(w -> !w.equals(word)).filter(w -> !allIds(q(word + " " + w)).isEmpty()).findFirst().orElseThrow();
        List<Long> all = allIds(q(word));
        List<Long> both = allIds(q(word + " " + other));
        List<Long> without = allIds(q(word + " -" + other));
        assertThat(without).hasSize(all.size() - both.size()).doesNotContainAnyElementsOf(both);
        assertThat(all).containsAll(without).containsAll(both);
        log.info("'{}' {} hits = {} with '{}' + {} without", word, all.size(), both.size(), other, without.size());
    }

    @Test
    void filtersNarrowAndFacetsCountAllHits() {
        String word = CANDIDATE_WORDS.stream().max((a, b) -> Integer.compare(containing(a).size(), containing(b).size())).orElseThrow();
        JsonNode all = search(q(word) + "&size=50");
        long total = all.get("total").asLong();
        assertThat(total).isGreaterThan(20);
        long channelSum = 0;
        for (JsonNode facet : all.get("facets").get("channel")) {
            channelSum += facet.get("count").asLong();
            String channel = facet.get("value").asString();
            JsonNode filtered = search(q(word) + "&size=50&channel=" + URLEncoder.encode(channel, StandardCharsets.UTF_8));
            assertThat(filtered.get("total").asLong()).as(channel).isEqualTo(facet.get("count").asLong());
            filtered.get("hits").forEach(h -> assertThat(h.get("channel").asString()).isEqualTo(channel));
        }
        assertThat(channelSum).isEqualTo(total);
        for (JsonNode facet : all.get("facets").get("source")) {
            String source = facet.get("value").asString();
            JsonNode filtered = search(q(word) + "&size=50&source=" + URLEncoder.encode(source, StandardCharsets.UTF_8));
            assertThat(filtered.get("total").asLong()).as(source).isEqualTo(facet.get("count").asLong());
            filtered.get("hits").forEach(h -> assertThat(h.get("source").asString()).isEqualTo(source));
        }
        List<Long> tagged = allIds(q(word) + "&tag=" + URLEncoder.encode("精选", StandardCharsets.UTF_8));
        assertThat(tagged).isNotEmpty().allMatch(id -> byId.get(id).tags().contains("精选"));
        assertThat(tagged).containsExactlyInAnyOrderElementsOf(allIds(q(word)).stream().filter(id -> byId.get(id).tags().contains("精选")).toList());

        JsonNode november = search(q(word) + "&size=50&from=2018-11-01&to=2018-11-15");
        assertThat(november.get("total").asLong()).isPositive().isLessThan(total);
        november.get("hits").forEach(h -> assertThat(OffsetDateTime.parse(h.get("publishedAt").asString()))
                .isBetween(OffsetDateTime.parse("2018-11-01T00:00:00+08:00"), OffsetDateTime.parse("2018-11-15T23:59:59.999+08:00")));
        assertThat(november.get("hits").get(0).get("publishedAt").asString()).endsWith("+08:00");

        JsonNode newest = search(q(word) + "&size=50&sort=time");
        OffsetDateTime previous = null;
        for (JsonNode h : newest.get("hits")) {
            OffsetDateTime at = OffsetDateTime.parse(h.get("publishedAt").asString());
            if (previous != null) {
                assertThat(at).isBeforeOrEqualTo(previous);
            }
            previous = at;
        }
        JsonNode page2 = search(q(word) + "&size=10&page=2&sort=time");
        for (int i = 0; i < 10; i++) {
            assertThat(page2.get("hits").get(i).get("id").asLong()).isEqualTo(newest.get("hits").get(10 + i).get("id").asLong());
        }
    }

    @Test
    void hitsCarryMarkedEscapedSnippetsAndTheirArticle() {
        String word = wordWithCharactersApartElsewhere();
        JsonNode result = search(q(word) + "&size=20");
        assertThat(result.get("tookMs").asLong()).isNotNegative();
        for (JsonNode hit : result.get("hits")) {
            String snippet = hit.get("snippet").asString();
            String titleHtml = hit.get("titleHtml").asString();
            assertThat(snippet + titleHtml).contains("<mark>" + word + "</mark>");
            assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
            assertThat(hit.get("url").asString()).endsWith("/articles/" + hit.get("id").asLong());
            assertThat(hit.get("title").asString()).isEqualTo(byId.get(hit.get("id").asLong()).title());
        }
    }

    @Test
    void markupInTheTextIsEscapedInSnippetsAndAPublishIsSearchableWithinASecond() {
        String line = "{\"title\":\"安全测试：<b>鼋鼍龘</b>\",\"body\":\"第一段。\\n\\n注意<script>alert('x')</script>鼋鼍龘 & \\\"朋友\\\"。\","
                + "\"bodyFormat\":\"text\",\"publishedAt\":\"2018-11-20T10:00:00+08:00\",\"source\":\"新京报\",\"channel\":\"科技\","
                + "\"originalUrl\":\"https://example.cn/xss-snippet\"}";
        HttpResponse<String> imported = TestSites.importAsAdmin(port, line);
        long returned = System.nanoTime();
        assertThat(imported.statusCode()).isEqualTo(200);
        long id = json.readTree(imported.body()).get("results").get(0).get("id").asLong();
        assertThat(containing("鼋鼍龘")).as("a word no sample article has").isEmpty();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> search(q("鼋鼍龘")).get("total").asLong() == 1);
        log.info("Published article searchable {} ms after the import returned", (System.nanoTime() - returned) / 1_000_000);
        JsonNode hit = search(q("鼋鼍龘")).get("hits").get(0);
        assertThat(hit.get("id").asLong()).isEqualTo(id);
        assertThat(hit.get("snippet").asString()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<mark>鼋鼍龘</mark> &amp; &quot;朋友&quot;")
                .doesNotContain("<script");
        assertThat(hit.get("titleHtml").asString()).isEqualTo("安全测试：&lt;b&gt;<mark>鼋鼍龘</mark>&lt;/b&gt;");
        assertThat(hit.get("title").asString()).isEqualTo("安全测试：<b>鼋鼍龘</b>");
        byId.put(id, new SinaSample.Article("安全测试：<b>鼋鼍龘</b>", "第一段。\n\n注意<script>alert('x')</script>鼋鼍龘 & \"朋友\"。", "科技",
                "新京报", List.of(), OffsetDateTime.parse("2018-11-20T10:00:00+08:00"), "https://example.cn/xss-snippet"));
    }

    @Test
    void aScheduledArticleStaysOutOfResultsUntilItsTime() {
        long before = index.checksum().count();
        String line = "{\"title\":\"明年才发布的 zyxwvfuture 文章\",\"body\":\"zyxwvfuture。\",\"bodyFormat\":\"text\",\"publishedAt\":\"2099-01-01T00:00:00+08:00\","
                + "\"originalUrl\":\"https://example.cn/future\"}";
        assertThat(TestSites.importAsAdmin(port, line).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(1)).until(() -> index.checksum().count() == before + 1);
        assertThat(search(q("zyxwvfuture")).get("total").asLong()).isZero();
        assertThat(json.readTree(TestSites.get(port, "/api/v1/search/suggest?" + q("zyxwvfuture")).body()).get("suggestions")).isEmpty();
    }

    @Test
    void suggestsTitlesContainingWhatWasTyped() {
        String typed = null;
        String title = null;
        var cjk = Pattern.compile("^\\p{IsHan}{3}");
        for (SinaSample.Article a : byId.values()) {
            var m = cjk.matcher(a.title());
            if (m.find() && byId.values().stream().filter(o -> o.title().contains(m.group())).count() <= 5) {
                typed = m.group();
                title = a.title();
                break;
            }
        }
        assertThat(typed).isNotNull();
        for (String prefix : List.of(typed.substring(0, 2), typed)) {
            JsonNode suggestions = json.readTree(TestSites.get(port, "/api/v1/search/suggest?limit=10&" + q(prefix)).body()).get("suggestions");
            assertThat(suggestions).isNotEmpty();
            suggestions.forEach(s -> assertThat(s.get("title").asString()).contains(prefix));
            if (prefix.equals(typed)) {
                List<String> titles = new ArrayList<>();
                suggestions.forEach(s -> titles.add(s.get("title").asString()));
                assertThat(titles).contains(title);
            }
        }
    }

    @Test
    void aNearMissOffersACorrectionThatFindsSomething() {
        String word = wordWithCharactersApartElsewhere();
        String typo = word.charAt(0) + "鼂";
        JsonNode miss = search(q(typo));
        assertThat(miss.get("total").asLong()).isZero();
        String correction = miss.get("didYouMean").asString();
        assertThat(correction).isNotBlank().hasSize(2).startsWith(word.substring(0, 1));
        assertThat(search(q(correction)).get("total").asLong()).isPositive();
        log.info("did you mean: {} → {}", typo, correction);
    }

    @Test
    void aRebuildKeepsAnsweringAndKeepsWhatChangedMeanwhile() throws Exception {
        String word = wordWithCharactersApartElsewhere();
        long expected = search(q(word)).get("total").asLong();
        AtomicLong written = new AtomicLong();
        CompletableFuture<SearchIndexing.Reindexed> rebuild = CompletableFuture.supplyAsync(() -> indexing.reindex(written::set));
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > 0 || rebuild.isDone());
        String line = "{\"title\":\"重建期间发布的 zyxwvrebuild 文章\",\"body\":\"zyxwvrebuild。\",\"bodyFormat\":\"text\",\"publishedAt\":\"2018-11-21T10:00:00+08:00\","
                + "\"originalUrl\":\"https://example.cn/during-rebuild\"}";
        assertThat(TestSites.importAsAdmin(port, line).statusCode()).isEqualTo(200);
        int answered = 0;
        List<Long> slowest = new ArrayList<>();
        while (!rebuild.isDone()) {
            long started = System.nanoTime();
            JsonNode result = search(q(word));
            slowest.add((System.nanoTime() - started) / 1_000_000);
            assertThat(result.get("total").asLong()).isEqualTo(expected);
            answered++;
        }
        SearchIndexing.Reindexed done = rebuild.get();
        assertThat(done.articles()).isGreaterThanOrEqualTo(byId.size());
        assertThat(answered).as("searches answered while the rebuild ran").isPositive();
        assertThat(search(q(word)).get("total").asLong()).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(1)).until(() -> search(q("zyxwvrebuild")).get("total").asLong() == 1);
        log.info("Rebuild of {} articles took {} ms; {} searches answered meanwhile, slowest {} ms", done.articles(), done.took().toMillis(),
                answered, slowest.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    @Test
    void badParametersGetAJsonMessage() {
        for (String parameters : List.of("", "q=", q(" \t"), q("a".repeat(10_000)), q("字".repeat(3_000)), q("熊猫") + "&sort=best",
                q("熊猫") + "&page=0", q("熊猫") + "&page=x", q("熊猫") + "&page=101", q("熊猫") + "&size=1000", q("熊猫") + "&from=yesterday",
                q("熊猫") + "&from=2018-11-02&to=2018-11-01")) {
            HttpResponse<String> response = TestSites.get(port, "/api/v1/search?" + parameters);
            assertThat(response.statusCode()).as(parameters).isEqualTo(400);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("status").asInt()).isEqualTo(400);
            assertThat(body.get("error").asString()).as(parameters).matches("^(q|sort|page|size|from|to): .+");
        }
        assertThat(json.readTree(TestSites.get(port, "/api/v1/search?" + q("a".repeat(10_000))).body()).get("error").asString())
                .isEqualTo("q: at most 200 characters (this one has 10000)");
    }

    @Test
    void brokenPercentEncodingGetsAJsonAnswerNeverA500() {
        for (String raw : List.of("q=%C0%AE%C0%AE", "q=%zz", "q=%", "q=%E4%B8", "q=%00", "q=a&q=b", "q=%ED%A0%80", "channel=%C0&q=a",
                "q=%E4%B8%AD%E5")) {
            for (String path : List.of("/api/v1/search?", "/api/v1/search/suggest?")) {
                String[] response = rawGet(path + raw);
                int status = Integer.parseInt(response[0]);
                assertThat(status).as(path + raw).isIn(200, 400);
                JsonNode body = json.readTree(response[1]);
                assertThat(status == 200 ? body.has("total") || body.has("suggestions") : body.has("error")).as(path + raw).isTrue();
            }
        }
    }

    /** A GET sent byte for byte (java.net.URI refuses broken escapes such as %zz): the status and the body. */
    private String[] rawGet(String target) {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4);
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (response.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                StringBuilder joined = new StringBuilder();
                for (int at = 0; ; ) {
                    int lineEnd = body.indexOf("\r\n", at);
                    int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
                    if (size == 0) {
                        break;
                    }
                    byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
                    String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
                    joined.append(chunk);
                    at = lineEnd + 2 + chunk.length() + 2;
                }
                body = joined.toString();
            }
            return new String[] {status, body};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aUrlBeyondTheServersLimitIsRefusedBeforeTheApplicationNeverWithA500() {
        // 10,000 Chinese characters are 90 KB percent-encoded: the server refuses the request line (limit 32 KB)
        // itself, Jetty with 414 URI Too Long (Tomcat said 400). Sent as plain HTTP/1.1: the JDK client's h2c upgrade
        // attempt makes it read Jetty's refusal as a broken HTTP/2 connection.
        int status = Integer.parseInt(rawGet("/api/v1/search?" + q("字".repeat(10_000)))[0]);
        assertThat(status).isIn(400, 414, 431);
    }
}
