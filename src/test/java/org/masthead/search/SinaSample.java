package org.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fixed sample of real articles from ../shared/corpus/sina-news-2018 in the import format: every
 * {@code step}-th article with a body, channel from the corpus category, one of three sources in
 * turn, tag 精选 on every fifth, publish times spread over October and November 2018 (+08:00).
 * Tests that need it are skipped when the corpus is absent (a user's clone).
 */
public record SinaSample(List<Article> articles) {

    public static final String SKIPPED = "../shared corpus not present (a user's clone): skipped";
    public static final List<String> SOURCES = List.of("新浪新闻", "新京报", "澎湃新闻");
    static final Map<String, String> CHANNELS = Map.of(
            "sports", "体育", "tech", "科技", "entertainment", "娱乐", "edu", "教育", "fashion", "时尚", "health", "健康");

    public record Article(String title, String body, String channel, String source, List<String> tags, OffsetDateTime publishedAt, String originalUrl) {

        /** What a reader sees, as one string: title and body. */
        public String text() {
            return title + "\n" + body;
        }
    }

    public static Path shared() {
        return Path.of(System.getProperty("masthead.shared", "../shared"));
    }

    /** Skips the calling test when the corpus is missing. */
    public static Path corpus(String relative) {
        Path path = shared().resolve("corpus").resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), SKIPPED);
        return path;
    }

    public static SinaSample load(int step, int max) {
        Path file = corpus("sina-news-2018/sina_news_2018.jsonl");
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> usable = new ArrayList<>();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            int[] n = {0};
            lines.forEach(line -> {
                if (n[0]++ % step == 0) {
                    JsonNode a = json.readTree(line);
                    if (!a.get("body").asString().isBlank() && !a.get("title").asString().isBlank() && usable.size() < max) {
                        usable.add(a);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OffsetDateTime start = OffsetDateTime.of(2018, 10, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
        Duration spacing = Duration.ofDays(61).dividedBy(Math.max(1, usable.size()));
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            JsonNode a = usable.get(i);
            articles.add(new Article(
                    a.get("title").asString().strip(),
                    a.get("body").asString(),
                    CHANNELS.getOrDefault(a.get("category").asString(), a.get("category").asString()),
                    SOURCES.get(i % SOURCES.size()),
                    i % 5 == 0 ? List.of("精选") : List.of(),
                    start.plus(spacing.multipliedBy(i)).withNano(0),
                    "https://news.sina.com.cn/test/" + a.get("id").asString()));
        }
        return new SinaSample(articles);
    }

    public String ndjson() {
        JsonMapper json = JsonMapper.builder().build();
        StringBuilder out = new StringBuilder();
        for (Article a : articles) {
            out.append(line(json, a)).append('\n');
        }
        return out.toString();
    }

    static String line(JsonMapper json, Article a) {
        ObjectNode node = json.createObjectNode();
        node.put("title", a.title());
        node.put("body", a.body());
        node.put("bodyFormat", "text");
        node.put("publishedAt", a.publishedAt().toString());
        node.put("source", a.source());
        node.put("channel", a.channel());
        var tags = node.putArray("tags");
        a.tags().forEach(tags::add);
        node.put("originalUrl", a.originalUrl());
        return json.writeValueAsString(node);
    }
}
