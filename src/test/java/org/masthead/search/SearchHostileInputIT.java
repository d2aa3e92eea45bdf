package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
 * Every line of the payload lists (../shared/corpus/payloads-all-the-things, all files) and of the
 * Big List of Naughty Strings as a search against the API, over an index of real articles (and every
 * naughty string and every tenth payload line as a suggestion query too): each answer is 200 with
 * results or 400 with a JSON message, never a 500, each within {@link #BOUND} on this shared build
 * machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchHostileInputIT {

    private static final Logger log = LoggerFactory.getLogger(SearchHostileInputIT.class);
    static final Duration BOUND = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    SearchIndex index;

    @Autowired
    SearchIndexing indexing;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    static List<String> hostileLines() {
        Path payloads = SinaSample.corpus("payloads-all-the-things");
        Path naughty = SinaSample.corpus("naughty-strings/blns.txt");
        Set<String> lines = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(payloads)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                lines.addAll(linesOf(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.addAll(linesOf(naughty));
        return new ArrayList<>(lines);
    }

    /** Lines as the bytes decode (malformed UTF-8 becomes U+FFFD), split on \\n only: a \\r stays in the line. */
    private static List<String> linesOf(Path file) {
        try {
            return Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyHostileLineGetsResultsOrAJsonMessageWithinTheBound() {
        List<String> lines = hostileLines();
        Set<String> naughty = new LinkedHashSet<>(linesOf(SinaSample.corpus("naughty-strings/blns.txt")));
        SinaSample sample = SinaSample.load(200, 60);
        assertThat(TestSites.importAsAdmin(port, sample.ndjson()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120)).until(() -> indexing.backlog() == 0 && index.checksum().count() == sample.articles().size());

        int ok = 0;
        int refused = 0;
        List<Long> millis = new ArrayList<>();
        java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String encoded = URLEncoder.encode(line, StandardCharsets.UTF_8);
            List<String> paths = naughty.contains(line) || i % 10 == 0
                    ? List.of("/api/v1/search?q=" + encoded, "/api/v1/search/suggest?q=" + encoded)
                    : List.of("/api/v1/search?q=" + encoded);
            for (String path : paths) {
                long started = System.nanoTime();
                HttpResponse<String> response = TestSites.get(port, path);
                long took = (System.nanoTime() - started) / 1_000_000;
                millis.add(took);
                slowest.put(took * 1_000_000 + millis.size(), path);
                if (slowest.size() > 5) {
                    slowest.pollFirstEntry();
                }
                String what = path.substring(0, Math.min(path.length(), 200));
                assertThat(response.statusCode()).as(what).isIn(200, 400);
                JsonNode body = json.readTree(response.body());
                if (response.statusCode() == 400) {
                    assertThat(body.get("error").asString()).as(what).isNotBlank();
                    refused++;
                } else {
                    assertThat(body.has("hits") || body.has("suggestions")).as(what).isTrue();
                    ok++;
                }
                assertThat(took).as(what).isLessThan(BOUND.toMillis());
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        log.info("{} distinct hostile lines, {} requests: {} answered 200, {} answered 400; median {} ms, p99 {} ms, max {} ms",
                lines.size(), millis.size(), ok, refused, sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.getLast());
        slowest.descendingMap().forEach((key, path) -> log.info("slow: {} ms {}", key / 1_000_000, path.substring(0, Math.min(path.length(), 160))));
    }
}
