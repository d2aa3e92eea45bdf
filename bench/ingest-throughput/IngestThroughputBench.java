package org.masthead.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.masthead.MastheadApplication;
import org.masthead.ingest.FeedPolling;
import org.masthead.ingest.PollReport;
import org.masthead.source.SourceDirectory;
import org.masthead.source.SourceFeed;
import org.masthead.source.SourceFeeds;
import org.masthead.source.SourceProfile;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingest throughput: Sina news articles served as RSS 2.0 feeds (100 items each) by a local HTTP
 * server, polled by the real application (fetch, charset, parse, sanitise, dedupe, quality check,
 * save with revision and audit, event log; enrichment as configured) on a fresh SQLite data dir.
 * A warm-up feed of other articles is polled first and not counted.
 *
 * <p>Arguments: corpus.jsonl workDir count enrichment(true|false). Prints one line:
 * {@code RESULT enrichment=… items=… created=… seconds=… itemsPerSecond=…}.
 */
public final class IngestThroughputBench {

    static final int PER_FEED = 100;
    static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        boolean enrichment = Boolean.parseBoolean(args[3]);
        List<JsonNode> articles = read(corpus, count + PER_FEED);
        if (articles.size() < count + PER_FEED) {
            throw new IllegalArgumentException("the corpus has " + articles.size() + " usable articles, " + (count + PER_FEED) + " needed");
        }
        Map<String, byte[]> feeds = new ConcurrentHashMap<>();
        feeds.put("/warmup.xml", rss(articles.subList(count, count + PER_FEED), "warmup"));
        int feedCount = (count + PER_FEED - 1) / PER_FEED;
        for (int f = 0; f < feedCount; f++) {
            feeds.put("/feed-" + f + ".xml", rss(articles.subList(f * PER_FEED, Math.min(count, (f + 1) * PER_FEED)), "f" + f));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            byte[] body = feeds.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path data = Files.createTempDirectory(Files.createDirectories(work), "data-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MastheadApplication.class)
                .web(WebApplicationType.NONE)
                // As command-line arguments: they outrank application.properties (which names ./data), default properties do not.
                .run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--masthead.demo.enabled=false", "--masthead.ingest.polling=false",
                        "--masthead.ingest.allow-private-addresses=true", "--masthead.enrichment.enabled=" + enrichment, "--masthead.data-dir=" + data)) {
            SourceDirectory directory = app.getBean(SourceDirectory.class);
            SourceFeeds sourceFeeds = app.getBean(SourceFeeds.class);
            FeedPolling polling = app.getBean(FeedPolling.class);
            SourceProfile warm = directory.create(new SourceDirectory.Fields("预热", null, null), base + "/warmup.xml", Duration.ofMinutes(30));
            PollReport warmup = polling.pollNow(sourceFeeds.ofSource(warm.id()).getFirst().id());
            System.err.println("warm-up: " + warmup);
            SourceProfile sina = directory.create(new SourceDirectory.Fields("新浪新闻", "https://news.sina.com.cn/", null), null, null);
            List<Long> feedIds = new ArrayList<>();
            for (int f = 0; f < feedCount; f++) {
                SourceFeed feed = sourceFeeds.add(sina.id(), base + "/feed-" + f + ".xml", Duration.ofMinutes(30));
                feedIds.add(feed.id());
            }
            int created = 0;
            int flagged = 0;
            int duplicates = 0;
            int rejected = 0;
            int failed = 0;
            long started = System.nanoTime();
            for (int i = 0; i < feedIds.size(); i++) {
                PollReport r = polling.pollNow(feedIds.get(i));
                created += r.created();
                flagged += r.flagged();
                duplicates += r.duplicates();
                rejected += r.rejected();
                failed += "failed".equals(r.status()) ? 1 : 0;
                if ((i + 1) % 10 == 0) {
                    System.err.printf("… %d items, %.1f s%n", (i + 1) * PER_FEED, (System.nanoTime() - started) / 1e9);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT enrichment=%s items=%d created=%d flagged=%d duplicates=%d rejected=%d failedFeeds=%d seconds=%.1f itemsPerSecond=%.1f%n",
                    enrichment, count, created, flagged, duplicates, rejected, failed, seconds, count / seconds);
        } finally {
            server.stop(0);
        }
    }

    static List<JsonNode> read(Path corpus, int wanted) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null && out.size() < wanted) {
                JsonNode a = json.readTree(line);
                if (a.path("title").asString("").isBlank() || a.path("body").asString("").length() < 50) {
                    continue;
                }
                out.add(a);
            }
        }
        return out;
    }

    /** An RSS 2.0 feed of the articles, their bodies split into paragraphs at sentence ends. */
    static byte[] rss(List<JsonNode> articles, String prefix) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>新浪新闻</title>"
                + "<link>https://news.sina.com.cn/</link><description>bench</description>");
        Instant at = Instant.parse("2018-10-30T08:00:00Z");
        int n = 0;
        for (JsonNode a : articles) {
            String id = a.path("id").asString(prefix + "-" + n);
            String body = "<p>" + escape(a.path("body").asString()).replaceAll("([。！？])", "$1</p><p>") + "</p>";
            xml.append("<item><guid isPermaLink=\"false\">").append(id).append("</guid><link>https://news.sina.com.cn/bench/").append(id)
                    .append(".html</link><title>").append(escape(a.path("title").asString())).append("</title><description><![CDATA[")
                    .append(body.replace("]]>", "]]&gt;")).append("]]></description><pubDate>").append(RFC822.format(at.plusSeconds(60L * n++)))
                    .append("</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
