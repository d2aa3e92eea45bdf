package org.masthead.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.masthead.search.ArticleDocument;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.search.SearchSettings;
import org.masthead.search.analysis.ChineseAnalysis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Masthead's Lucene index against raw Lucene with the same analyzer, in one JVM, on the same
 * documents and queries (issue 5, "Done when"). See bench/README.md, "search-index".
 *
 * <pre>bench/search-index.sh   (compiles this beside target/classes: it is in the package of the
 *                          package-private LuceneSearchIndex, and must be loaded by the same loader)</pre>
 *
 * <p><b>Documents.</b> The Sina 2018 articles with a body (12,368) are repeated until COUNT (default
 * 100,000): each copy gets its own id, a publish time drawn uniformly over 2017–2018, one of 12
 * channels (uniform) and one of 30 sources (skewed: the first few carry most articles), and every
 * fifth the tag 精选. Both engines get the same documents in the same order, already in memory, so
 * only analysis and index writing are timed.
 *
 * <ul>
 *   <li><b>Masthead</b>: {@link LuceneSearchIndex} as the server's rebuild uses it
 *       ({@code beginRebuild}, {@code apply} in batches of 200 from THREADS threads, {@code swap},
 *       which commits): its whole field mapping (title, title characters, title and text bigrams,
 *       text, tags, source, channel, status, times; stored title, text, url and filter values).
 *       Searches go through {@link SearchIndex#search}: parsing, the query over six fields with
 *       phrases, visibility and filters, recency, an exact total, facets by channel and source,
 *       highlighted title and snippet of the 10 hits, and did-you-mean when nothing is found.</li>
 *   <li><b>Raw Lucene</b>: an {@link IndexWriter} with {@link ChineseAnalysis#forIndexing()} and
 *       default settings; a document is one {@link TextField} (title and text, not stored), a stored
 *       id and the same filter values (channel, source, publish time). Same threads and batches, then
 *       a commit. A search is, per word, the analysed tokens as a term or phrase query on that one
 *       field, all words required, the filters as filter clauses, the top 10 by BM25 (Lucene's
 *       default hit count, exact up to 1,000) and their stored ids.</li>
 * </ul>
 *
 * <p><b>Queries</b>: 1, 2 and 3 words of the same random title (words the analyzer keeps whole, of
 * two or more Han characters, so most have hits), each without filter and with a channel, a source
 * or a 30-day window; WARMUP then TIMED queries of each kind, one at a time, the two engines taking
 * turns on the same query (which one goes first alternates), so the machine's noise falls on both.
 * Prints Markdown and {@code #result name value} lines for bench/search-index.sh.
 */
public final class SearchIndexBench {

    static final Instant NOW = Instant.parse("2019-01-01T00:00:00Z");
    static final Instant FIRST = Instant.parse("2017-01-01T00:00:00Z");
    static final List<String> CHANNELS = List.of("体育", "科技", "娱乐", "教育", "时尚", "健康", "财经", "国际", "社会", "汽车", "房产", "文化");
    static final List<String> SOURCES = List.of("新浪新闻", "新京报", "澎湃新闻", "人民网", "新华社", "中国新闻网", "央视新闻", "环球时报", "北京日报",
            "南方都市报", "21世纪经济报道", "第一财经", "财新网", "界面新闻", "钱江晚报", "扬子晚报", "华西都市报", "楚天都市报", "齐鲁晚报", "羊城晚报",
            "中国日报", "光明日报", "经济日报", "解放日报", "文汇报", "新民晚报", "每日经济新闻", "证券时报", "上游新闻", "红星新闻");
    static final int BATCH = 200;
    static final long SEED = 2018;
    static final Pattern HAN_WORD = Pattern.compile("\\p{IsHan}{2,}");

    record Base(String title, String body) {}

    record Bench(String words, String channel, String source, Instant from, Instant to) {}

    record Times(long[] nanos, long[] cpuNanos, long hits, int empty) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SearchIndexBench SINA_JSONL WORK_DIR   (-Dcount -Dthreads -Dwarmup -Dtimed -Dorder=raw-first|masthead-first"
                    + " -Dphase=all|queries -Dkeep=true)");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int count = Integer.getInteger("count", 100_000);
        int threads = Integer.getInteger("threads", 2);
        int warmup = Integer.getInteger("warmup", 200);
        int timed = Integer.getInteger("timed", 1_000);
        boolean rawFirst = !System.getProperty("order", "raw-first").equals("masthead-first");
        boolean indexing = !System.getProperty("phase", "all").equals("queries");
        boolean keep = Boolean.getBoolean("keep");
        long seed = Long.getLong("seed", SEED);

        List<Base> bases = load(corpus);
        List<ArticleDocument> docs = documents(bases, count);
        long chars = docs.stream().mapToLong(d -> d.title().length() + d.text().length()).sum();
        System.out.printf(Locale.ROOT, "- %,d documents from %,d Sina articles, %,d characters (title and text); %s%n",
                docs.size(), bases.size(), chars, indexing ? threads + " indexing threads, " + (rawFirst ? "raw Lucene" : "Masthead") + " first"
                        : "queries only, on the indexes of an earlier run; query seed " + seed);
        System.out.printf(Locale.ROOT, "- JVM %s, %d processors, heap max %d MB; load average at the start %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());

        Raw raw = new Raw(work.resolve("raw"));
        Masthead masthead = new Masthead(work.resolve("masthead"));
        if (indexing) {
            result("documents", docs.size());
            raw.close();
            masthead.close();
            deleteRecursively(work);
            Files.createDirectories(work);
            // JIT warm-up of both write paths on a few thousand documents, thrown away.
            List<ArticleDocument> few = docs.subList(0, Math.min(docs.size(), 3_000));
            try (Raw warmRaw = new Raw(work.resolve("warm-raw"))) {
                warmRaw.index(few, threads);
            }
            Masthead warmMasthead = new Masthead(work.resolve("warm-masthead"));
            warmMasthead.index(few, threads);
            warmMasthead.close();
            deleteRecursively(work.resolve("warm-raw"));
            deleteRecursively(work.resolve("warm-masthead"));

            raw = new Raw(work.resolve("raw"));
            masthead = new Masthead(work.resolve("masthead"));
            Indexed rawIndexed;
            Indexed mastheadIndexed;
            if (rawFirst) {
                rawIndexed = raw.index(docs, threads);
                mastheadIndexed = masthead.index(docs, threads);
            } else {
                mastheadIndexed = masthead.index(docs, threads);
                rawIndexed = raw.index(docs, threads);
            }
            long rawBytes = size(work.resolve("raw"));
            long mastheadBytes = size(work.resolve("masthead"));

            System.out.println();
            System.out.println("| indexing " + docs.size() + " documents | seconds | docs/s | chars/s | CPU s (process) | docs per CPU s | index MB |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            row("raw Lucene", rawIndexed, docs.size(), chars, rawBytes);
            row("Masthead `LuceneSearchIndex`", mastheadIndexed, docs.size(), chars, mastheadBytes);
            double ratio = rawIndexed.seconds() / mastheadIndexed.seconds();
            double cpuRatio = rawIndexed.cpuSeconds() / mastheadIndexed.cpuSeconds();
            System.out.printf(Locale.ROOT, "| **Masthead / raw** | | **%.2f×** | | | %.2f× | %.2f× |%n", ratio, cpuRatio, (double) mastheadBytes / rawBytes);
            result("raw.docs_per_s", docs.size() / rawIndexed.seconds());
            result("masthead.docs_per_s", docs.size() / mastheadIndexed.seconds());
            result("indexing.ratio", ratio);
            result("raw.docs_per_cpu_s", docs.size() / rawIndexed.cpuSeconds());
            result("masthead.docs_per_cpu_s", docs.size() / mastheadIndexed.cpuSeconds());
            result("indexing.cpu_ratio", cpuRatio);
            result("raw.index_mb", rawBytes / 1048576.0);
            result("masthead.index_mb", mastheadBytes / 1048576.0);
        }
        raw.openReader();

        Random random = new Random(seed);
        System.out.println();
        System.out.printf(Locale.ROOT, "| query (%,d timed after %,d warm-up, one at a time) | hits (mean, Masthead) | empty | raw p50 ms | raw p99 ms | Masthead p50 ms | Masthead p99 ms | p50 ratio | p99 ratio | raw CPU p50/p99 ms | Masthead CPU p50/p99 ms |%n",
                timed, warmup);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int words = 1; words <= 3; words++) {
            for (String filter : List.of("none", "channel", "source", "date")) {
                List<Bench> queries = queries(bases, words, filter, warmup + timed, random);
                Times[] t = time(raw, masthead, queries, warmup);
                long[] r = t[0].nanos();
                long[] m = t[1].nanos();
                long[] rc = t[0].cpuNanos();
                long[] mc = t[1].cpuNanos();
                String name = words + "-word, " + (filter.equals("none") ? "no filter" : filter.equals("date") ? "30-day window" : filter + " filter");
                String key = words + "w." + filter;
                System.out.printf(Locale.ROOT, "| %s | %,.0f | %d | %.2f | %.2f | %.2f | %.2f | %.1f× | %.1f× | %.2f / %.2f | %.2f / %.2f |%n", name,
                        (double) t[1].hits() / timed, t[1].empty(), ms(percentile(r, 50)), ms(percentile(r, 99)), ms(percentile(m, 50)),
                        ms(percentile(m, 99)), (double) percentile(m, 50) / percentile(r, 50), (double) percentile(m, 99) / percentile(r, 99),
                        ms(percentile(rc, 50)), ms(percentile(rc, 99)), ms(percentile(mc, 50)), ms(percentile(mc, 99)));
                result("raw." + key + ".p50", ms(percentile(r, 50)));
                result("raw." + key + ".p99", ms(percentile(r, 99)));
                result("masthead." + key + ".p50", ms(percentile(m, 50)));
                result("masthead." + key + ".p99", ms(percentile(m, 99)));
                result("raw." + key + ".cpu_p50", ms(percentile(rc, 50)));
                result("raw." + key + ".cpu_p99", ms(percentile(rc, 99)));
                result("masthead." + key + ".cpu_p50", ms(percentile(mc, 50)));
                result("masthead." + key + ".cpu_p99", ms(percentile(mc, 99)));
                result("masthead." + key + ".hits", (double) t[1].hits() / timed);
            }
        }
        System.out.printf(Locale.ROOT, "%n- load average at the end %s%n", loadAverage());
        raw.close();
        masthead.close();
        if (!keep) {
            deleteRecursively(work);
        }
    }

    record Indexed(double seconds, double cpuSeconds) {}

    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    // ---- documents

    static List<Base> load(Path corpus) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Base> bases = new ArrayList<>();
        try (Stream<String> lines = Files.lines(corpus, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                JsonNode a = json.readTree(line);
                String title = a.path("title").asString("").strip();
                String body = a.path("body").asString("").strip();
                if (!title.isEmpty() && !body.isEmpty()) {
                    bases.add(new Base(title, body));
                }
            });
        }
        return bases;
    }

    static List<ArticleDocument> documents(List<Base> bases, int count) {
        Random random = new Random(SEED);
        long span = Duration.between(FIRST, NOW).toMillis();
        List<ArticleDocument> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Base base = bases.get(i % bases.size());
            long id = i + 1;
            Instant published = FIRST.plusMillis((long) (random.nextDouble() * span));
            int channel = random.nextInt(CHANNELS.size());
            docs.add(new ArticleDocument(id, "/articles/" + id, base.title(), base.body(), i % 5 == 0 ? List.of("精选") : List.of(),
                    source(random), CHANNELS.get(channel), "channel-" + channel, "published", published, published));
        }
        return docs;
    }

    /** Skewed: the square of a uniform number puts about a third of the articles on the first three sources. */
    static String source(Random random) {
        double u = random.nextDouble();
        return SOURCES.get((int) (u * u * SOURCES.size()));
    }

    // ---- queries

    static List<Bench> queries(List<Base> bases, int words, String filter, int n, Random random) {
        List<Bench> out = new ArrayList<>(n);
        try (Analyzer analyzer = ChineseAnalysis.forQuery()) {
            while (out.size() < n) {
                Base base = bases.get(random.nextInt(bases.size()));
                List<String> candidates = new ArrayList<>(new LinkedHashSet<>(QueryBuilder.tokens(analyzer, "text", base.title(), 64).stream()
                        .map(QueryBuilder.Token::term).filter(t -> HAN_WORD.matcher(t).matches()).toList()));
                if (candidates.size() < words) {
                    continue;
                }
                java.util.Collections.shuffle(candidates, random);
                String text = String.join(" ", candidates.subList(0, words));
                String channel = null;
                String source = null;
                Instant from = null;
                Instant to = null;
                switch (filter) {
                    case "channel" -> channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
                    case "source" -> source = source(random);
                    case "date" -> {
                        long span = Duration.between(FIRST, NOW).minusDays(30).toMillis();
                        from = FIRST.plusMillis((long) (random.nextDouble() * span));
                        to = from.plus(Duration.ofDays(30));
                    }
                    default -> {}
                }
                out.add(new Bench(text, channel, source, from, to));
            }
        }
        return out;
    }

    static Times[] time(Raw raw, Masthead masthead, List<Bench> queries, int warmup) throws IOException {
        int timed = queries.size() - warmup;
        long[] rawNanos = new long[timed];
        long[] mastheadNanos = new long[timed];
        long[] rawCpu = new long[timed];
        long[] mastheadCpu = new long[timed];
        long hits = 0;
        int empty = 0;
        for (int i = 0; i < queries.size(); i++) {
            Bench q = queries.get(i);
            long[] r;
            long[] m;
            SearchResults[] results = new SearchResults[1];
            if (i % 2 == 0) {
                r = measure(() -> raw.search(q));
                m = measure(() -> results[0] = masthead.search(q));
            } else {
                m = measure(() -> results[0] = masthead.search(q));
                r = measure(() -> raw.search(q));
            }
            if (i >= warmup) {
                rawNanos[i - warmup] = r[0];
                rawCpu[i - warmup] = r[1];
                mastheadNanos[i - warmup] = m[0];
                mastheadCpu[i - warmup] = m[1];
                hits += results[0].total();
                if (results[0].total() == 0) {
                    empty++;
                }
            }
        }
        return new Times[] {new Times(rawNanos, rawCpu, 0, 0), new Times(mastheadNanos, mastheadCpu, hits, empty)};
    }

    interface Work {
        void run() throws IOException;
    }

    /** Wall-clock and this thread's CPU nanoseconds of one call. */
    static long[] measure(Work work) throws IOException {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.run();
        long wallEnd = System.nanoTime();
        long cpuEnd = THREADS.getCurrentThreadCpuTime();
        return new long[] {wallEnd - wall, cpuEnd - cpu};
    }

    // ---- the two engines

    /** Writes batches of documents from {@code threads} threads; returns when all are written. */
    interface BatchWriter {
        void write(List<ArticleDocument> batch) throws IOException;
    }

    static void writeAll(List<ArticleDocument> docs, int threads, BatchWriter writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < docs.size(); from += BATCH) {
                List<ArticleDocument> batch = docs.subList(from, Math.min(docs.size(), from + BATCH));
                done.add(pool.submit(() -> {
                    writer.write(batch);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static final class Raw implements AutoCloseable {

        final Directory directory;
        final Analyzer analyzer = ChineseAnalysis.forIndexing();
        final Analyzer queryAnalyzer = ChineseAnalysis.forQuery();
        IndexWriter writer;
        DirectoryReader reader;
        IndexSearcher searcher;

        Raw(Path path) throws IOException {
            directory = FSDirectory.open(path);
        }

        Indexed index(List<ArticleDocument> docs, int threads) throws Exception {
            long started = System.nanoTime();
            long cpu = OS.getProcessCpuTime();
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            writeAll(docs, threads, batch -> {
                for (ArticleDocument a : batch) {
                    Document doc = new Document();
                    doc.add(new StoredField("id", a.id()));
                    doc.add(new TextField("text", a.title() + "\n" + a.text(), Field.Store.NO));
                    doc.add(new KeywordField("channel", a.channel(), Field.Store.NO));
                    doc.add(new KeywordField("source", a.source(), Field.Store.NO));
                    doc.add(new LongField("published_at", a.publishedAt().toEpochMilli(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            });
            writer.commit();
            return new Indexed((System.nanoTime() - started) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9);
        }

        void openReader() throws IOException {
            reader = writer != null ? DirectoryReader.open(writer) : DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        }

        long search(Bench q) throws IOException {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (String word : q.words().split(" ")) {
                List<QueryBuilder.Token> tokens = QueryBuilder.tokens(queryAnalyzer, "text", word, 64);
                if (!tokens.isEmpty()) {
                    query.add(QueryBuilder.tokensQuery("text", tokens), Occur.MUST);
                }
            }
            if (q.channel() != null) {
                query.add(KeywordField.newExactQuery("channel", q.channel()), Occur.FILTER);
            }
            if (q.source() != null) {
                query.add(KeywordField.newExactQuery("source", q.source()), Occur.FILTER);
            }
            if (q.from() != null) {
                query.add(LongField.newRangeQuery("published_at", q.from().toEpochMilli(), q.to().toEpochMilli()), Occur.FILTER);
            }
            Query built = query.build();
            TopDocs top = searcher.search(built, 10);
            StoredFields stored = searcher.storedFields();
            long sum = 0;
            for (ScoreDoc hit : top.scoreDocs) {
                sum += stored.document(hit.doc).getField("id").numericValue().longValue();
            }
            return sum + top.totalHits.value();
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
            if (writer != null) {
                writer.close();
            }
            directory.close();
            analyzer.close();
            queryAnalyzer.close();
        }
    }

    static final class Masthead {

        final LuceneSearchIndex index;

        Masthead(Path path) {
            index = new LuceneSearchIndex(new SearchSettings(path, Duration.ofSeconds(2), 0.5f, Duration.ofDays(14), Duration.ZERO, 2000, false),
                    Clock.fixed(NOW, ZoneOffset.UTC));
        }

        Indexed index(List<ArticleDocument> docs, int threads) throws Exception {
            long started = System.nanoTime();
            long cpu = OS.getProcessCpuTime();
            if (!index.available()) {
                throw new IllegalStateException("index unavailable");
            }
            try (SearchIndex.Rebuild rebuild = index.beginRebuild()) {
                writeAll(docs, threads, batch -> rebuild.apply(batch, List.of()));
                rebuild.swap();
            }
            return new Indexed((System.nanoTime() - started) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9);
        }

        SearchResults search(Bench q) {
            SearchQuery query = SearchQuery.of(q.words()).inChannel(q.channel()).fromSource(q.source()).between(q.from(), q.to());
            return index.search(query);
        }

        void close() throws IOException {
            index.destroy();
        }
    }

    // ---- numbers

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void row(String name, Indexed indexed, int docs, long chars, long bytes) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %,.0f | %,.0f | %.0f | %,.0f | %.0f |%n", name, indexed.seconds(), docs / indexed.seconds(),
                chars / indexed.seconds(), indexed.cpuSeconds(), docs / indexed.cpuSeconds(), bytes / 1048576.0);
    }

    static void result(String name, double value) {
        System.err.printf(Locale.ROOT, "#result %s %.4f%n", name, value);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private SearchIndexBench() {}
}
