package org.masthead.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.masthead.article.ArticleChecksum;
import org.masthead.article.ArticleVersion;
import org.masthead.search.ArticleDocument;
import org.masthead.search.FacetCount;
import org.masthead.search.Hit;
import org.masthead.search.IndexChecksum;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchNotice;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.search.SearchSettings;
import org.masthead.search.SearchUnavailableException;
import org.masthead.search.Suggestion;
import org.masthead.search.UserQuery;
import org.masthead.search.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Lucene index under {@code masthead.search.directory}: one sub-directory per generation
 * ({@code index-1}, {@code index-2} …) and a file {@code current} naming the one in use. Writes go
 * through one {@link IndexWriter}; {@link #refresh()} makes them visible (near-real-time reader from
 * the writer, {@link SearcherManager#maybeRefreshBlocking()}, no fsync); commits make them durable.
 * A rebuild fills a new generation while the current one keeps answering, then swaps the searcher
 * manager and names the new generation in {@code current}; leftovers of a crash are removed at the
 * next start. If another process holds the index (a server while a CLI command runs), this process
 * runs without search: {@link #available()} is false and the holder's checks catch up.
 */
@Component
class LuceneSearchIndex implements SearchIndex, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    private static final String POINTER = "current";
    private static final Pattern GENERATION = Pattern.compile("index-(\\d+)");
    private static final List<String> FACETS = List.of(ArticleFields.CHANNEL, ArticleFields.SOURCE);
    private static final int FACET_LIMIT = 20;

    /**
     * Memory for documents being indexed before they are flushed to a segment (Lucene's default is
     * 16 MB). An article here makes about nine times the index data of its text alone (stored text,
     * positions and offsets, bigram backups): with the default a rebuild flushed tiny segments and
     * spent its time merging them (bench/README.md, "search-index").
     */
    static final double RAM_BUFFER_MB = 64;
    private static final Set<String> SHOWN = Set.of(ArticleFields.ID, ArticleFields.URL, ArticleFields.TITLE, ArticleFields.SOURCE,
            ArticleFields.CHANNEL, ArticleFields.PUBLISHED_AT, ArticleFields.STATUS);

    /** An open index directory with its writer and the searchers over it. */
    private record Generation(String name, Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {

        void close(boolean keepChanges) throws IOException {
            try {
                searchers.close();
                if (keepChanges) {
                    writer.close();
                } else {
                    writer.rollback();
                }
            } finally {
                directory.close();
            }
        }
    }

    private final Path root;
    private final SearchSettings settings;
    private final Clock clock;
    private final Analyzer indexAnalyzer = ArticleFields.perField(ArticleFields.Use.INDEX);
    private final Analyzer queryAnalyzer = ArticleFields.perField(ArticleFields.Use.QUERY);
    private final QueryBuilder queries = new QueryBuilder(queryAnalyzer);
    private final Spelling spelling = new Spelling(queryAnalyzer, queries);
    private final Object writing = new Object();
    private volatile Generation current;
    private volatile boolean needsRebuild;
    private volatile boolean opened;

    LuceneSearchIndex(SearchSettings settings, Clock clock) {
        this.root = settings.directory().toAbsolutePath().normalize();
        this.settings = settings;
        this.clock = clock;
    }

    // ---- opening and closing

    /**
     * Opens the index on first use, so a process that never searches or writes it (a CLI import) never
     * takes its lock and never competes with the server that holds it.
     */
    private void ensureOpen() {
        if (opened) {
            return;
        }
        synchronized (this) {
            if (!opened) {
                try {
                    open();
                } catch (UncheckedIOException e) {
                    log.error("The search index in {} cannot be opened: search is unavailable", root, e);
                }
                opened = true;
            }
        }
    }

    private void open() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the search index directory " + root, e);
        }
        String name = readPointer();
        boolean fresh = name == null || !Files.isDirectory(root.resolve(name));
        if (fresh) {
            name = nextGenerationName();
        }
        try {
            current = openGeneration(name, fresh);
        } catch (LockObtainFailedException e) {
            log.warn("The search index {} is in use by another process: this one runs without search ({})", root.resolve(name), e.getMessage());
            return;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            log.warn("The search index {} cannot be read ({}): starting a new one, filled from the database", root.resolve(name), e.toString());
            fresh = true;
            name = nextGenerationName();
            try {
                current = openGeneration(name, true);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot create a search index in " + root, again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + root.resolve(name), e);
        }
        String mapping = commitData(current.writer()).get(ArticleFields.MAPPING_KEY);
        needsRebuild = fresh || !ArticleFields.MAPPING_VERSION.equals(mapping);
        writePointer(name);
        removeOtherGenerations(name);
        log.info("Search index {} open ({} documents{})", current.path(), current.writer().getDocStats().numDocs, needsRebuild ? ", to be rebuilt" : "");
    }

    private Generation openGeneration(String name, boolean create) throws IOException {
        Path path = root.resolve(name);
        Directory directory = FSDirectory.open(path);
        try {
            IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                    .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setCommitOnClose(true);
            IndexWriter writer = new IndexWriter(directory, config);
            if (create) {
                writer.setLiveCommitData(Map.of(ArticleFields.MAPPING_KEY, ArticleFields.MAPPING_VERSION).entrySet());
                writer.commit();
            }
            return new Generation(name, path, directory, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    @Override
    public void destroy() throws IOException {
        if (!opened) {
            indexAnalyzer.close();
            queryAnalyzer.close();
            return;
        }
        synchronized (writing) {
            Generation g = current;
            current = null;
            if (g != null) {
                g.close(true);
            }
        }
        indexAnalyzer.close();
        queryAnalyzer.close();
    }

    // ---- generations on disk

    private String readPointer() {
        Path pointer = root.resolve(POINTER);
        try {
            if (!Files.exists(pointer)) {
                return null;
            }
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            return GENERATION.matcher(name).matches() ? name : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer, e);
        }
    }

    /** Replaces the pointer file in one atomic rename, so a crash leaves either the old name or the new. */
    private void writePointer(String name) {
        Path pointer = root.resolve(POINTER);
        Path temporary = root.resolve(POINTER + ".tmp");
        try {
            Files.writeString(temporary, name + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, pointer, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, pointer, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pointer, e);
        }
    }

    private String nextGenerationName() {
        return "index-" + (generations().stream().mapToLong(LuceneSearchIndex::generationNumber).max().orElse(0) + 1);
    }

    private static long generationNumber(Path path) {
        var m = GENERATION.matcher(path.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    private List<Path> generations() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && GENERATION.matcher(entry.getFileName().toString()).matches()) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return found;
    }

    /** Deletes generations other than the one in use, unless another process is writing one. */
    private void removeOtherGenerations(String keep) {
        for (Path path : generations()) {
            if (path.getFileName().toString().equals(keep)) {
                continue;
            }
            try (Directory directory = FSDirectory.open(path); Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                lock.ensureValid();
            } catch (LockObtainFailedException e) {
                continue;
            } catch (IOException e) {
                log.warn("Cannot check the old search index {}: {}", path, e.toString());
                continue;
            }
            deleteRecursively(path);
        }
    }

    private static void deleteRecursively(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("Could not delete the old search index {} ({}); it is removed at the next start", path, e.toString());
        }
    }

    // ---- state

    @Override
    public boolean available() {
        ensureOpen();
        return current != null;
    }

    @Override
    public boolean needsRebuild() {
        ensureOpen();
        return needsRebuild;
    }

    private Generation require() {
        ensureOpen();
        Generation g = current;
        if (g == null) {
            throw new SearchUnavailableException("search is unavailable: the index in " + root + " is in use by another process");
        }
        return g;
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Runs work on a searcher of the generation in use; a swap during the call does not disturb it. */
    private <T> T withSearcher(SearcherWork<T> work) {
        for (int attempt = 0; ; attempt++) {
            Generation g = require();
            IndexSearcher searcher;
            try {
                searcher = g.searchers().acquire();
            } catch (AlreadyClosedException e) {
                if (attempt < 3) {
                    continue;
                }
                throw new SearchUnavailableException("search is unavailable: the index is closing", e);
            } catch (IOException e) {
                throw new SearchUnavailableException("search failed opening the index: " + e.getMessage(), e);
            }
            try {
                return work.run(searcher);
            } catch (IOException e) {
                throw new SearchUnavailableException("search failed reading the index: " + e.getMessage(), e);
            } finally {
                try {
                    g.searchers().release(searcher);
                } catch (IOException e) {
                    log.warn("Releasing a searcher failed", e);
                }
            }
        }
    }

    // ---- writing

    @Override
    public void apply(List<ArticleDocument> upserts, Collection<Long> removals) {
        ensureOpen();
        synchronized (writing) {
            Generation g = current;
            if (g == null) {
                return;
            }
            try {
                write(g.writer(), upserts, removals);
            } catch (IOException e) {
                throw new UncheckedIOException("writing to the search index failed", e);
            }
        }
    }

    @Override
    public void refresh() {
        Generation g = current;
        if (g == null) {
            return;
        }
        try {
            g.searchers().maybeRefreshBlocking();
        } catch (AlreadyClosedException e) {
            // swapped meanwhile: the new generation was refreshed when it took over
        } catch (IOException e) {
            throw new UncheckedIOException("refreshing the search index failed", e);
        }
    }

    private static void write(IndexWriter writer, List<ArticleDocument> upserts, Collection<Long> removals) throws IOException {
        for (ArticleDocument document : upserts) {
            writer.updateDocument(new Term(ArticleFields.KEY, Long.toString(document.id())), ArticleFields.toDocument(document));
        }
        for (Long id : removals) {
            writer.deleteDocuments(new Term(ArticleFields.KEY, Long.toString(id)));
        }
    }

    @Override
    public void commit() {
        synchronized (writing) {
            Generation g = current;
            if (g == null) {
                return;
            }
            try {
                if (g.writer().hasUncommittedChanges()) {
                    g.writer().commit();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("committing the search index failed", e);
            }
        }
    }

    @Override
    public IndexChecksum checksum() {
        long[] sums = new long[4];
        forEachDocument((id, updatedAt, status) -> {
            sums[0]++;
            sums[1] += id;
            sums[2] += updatedAt;
            sums[3] += id * ArticleChecksum.statusWeight(status);
        });
        return new IndexChecksum(sums[0], sums[1], sums[2], sums[3]);
    }

    @Override
    public Map<Long, ArticleVersion> versions() {
        Map<Long, ArticleVersion> versions = new HashMap<>();
        forEachDocument((id, updatedAt, status) -> versions.put(id, new ArticleVersion(id, Instant.ofEpochMilli(updatedAt), status)));
        return versions;
    }

    private interface DocumentVersion {
        void accept(long id, long updatedAt, String status);
    }

    /** Id, update time and status of every live document, from doc values (no stored field is read). */
    private void forEachDocument(DocumentVersion sink) {
        withSearcher(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                SortedNumericDocValues ids = DocValues.getSortedNumeric(leaf.reader(), ArticleFields.ID);
                SortedNumericDocValues updated = DocValues.getSortedNumeric(leaf.reader(), ArticleFields.UPDATED_AT);
                SortedSetDocValues statuses = DocValues.getSortedSet(leaf.reader(), ArticleFields.STATUS);
                // A segment has few distinct statuses: look each ordinal up once.
                String[] names = new String[(int) Math.min(1024, statuses.getValueCount())];
                for (int doc = ids.nextDoc(); doc != SortedNumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if ((live == null || live.get(doc)) && updated.advanceExact(doc)) {
                        String status = null;
                        if (statuses.advanceExact(doc)) {
                            int ord = (int) statuses.nextOrd();
                            if (ord < names.length) {
                                status = names[ord] != null ? names[ord] : (names[ord] = statuses.lookupOrd(ord).utf8ToString());
                            } else {
                                status = statuses.lookupOrd(ord).utf8ToString();
                            }
                        }
                        sink.accept(ids.nextValue(), updated.nextValue(), status);
                    }
                }
            }
            return null;
        });
    }

    @Override
    public Rebuild beginRebuild() {
        require();
        Generation building;
        synchronized (writing) {
            try {
                building = openGeneration(nextGenerationName(), true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a new search index in " + root, e);
            }
        }
        log.info("Rebuilding the search index into {}", building.path());
        return new LuceneRebuild(building);
    }

    private final class LuceneRebuild implements Rebuild {

        private final Generation building;
        private boolean swapped;

        LuceneRebuild(Generation building) {
            this.building = building;
        }

        @Override
        public void apply(List<ArticleDocument> upserts, Collection<Long> removals) {
            try {
                write(building.writer(), upserts, removals);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the new search index failed", e);
            }
        }

        /** Adds without a delete term per document: a delete is resolved against every segment at each flush. */
        @Override
        public void add(List<ArticleDocument> documents) {
            try {
                for (ArticleDocument document : documents) {
                    building.writer().addDocument(ArticleFields.toDocument(document));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing the new search index failed", e);
            }
        }

        @Override
        public void swap() {
            Generation old;
            synchronized (writing) {
                try {
                    building.writer().commit();
                    building.searchers().maybeRefreshBlocking();
                } catch (IOException e) {
                    throw new UncheckedIOException("committing the new search index failed", e);
                }
                writePointer(building.name());
                old = current;
                current = building;
                needsRebuild = false;
                swapped = true;
            }
            log.info("Search index {} in use ({} documents)", building.path(), building.writer().getDocStats().numDocs);
            if (old != null) {
                try {
                    old.close(false);
                } catch (IOException e) {
                    log.warn("Closing the old search index {} failed", old.path(), e);
                }
                deleteRecursively(old.path());
            }
        }

        @Override
        public void close() {
            if (swapped) {
                return;
            }
            try {
                building.close(false);
            } catch (IOException e) {
                log.warn("Closing the abandoned search index {} failed", building.path(), e);
            }
            deleteRecursively(building.path());
        }
    }

    // ---- searching

    @Override
    public SearchResults search(SearchQuery query) {
        long started = System.nanoTime();
        UserQuery user = UserQuery.parse(query.text());
        QueryBuilder.TextQuery text = queries.text(user);
        SearchNotice notice = notice(user, text);
        if (text.positive() == null) {
            return SearchResults.empty(query, notice != null ? notice : SearchNotice.NOTHING_SEARCHABLE, millisSince(started));
        }
        Instant now = clock.instant();
        BooleanQuery.Builder full = new BooleanQuery.Builder().add(text.positive(), Occur.MUST);
        text.exclusions().forEach(q -> full.add(q, Occur.MUST_NOT));
        QueryBuilder.visibleAt(full, query.visibility(), now, query.from(), query.to());
        QueryBuilder.filters(full, query);
        if (query.order() == SearchQuery.Order.RELEVANCE && settings.recencyWeight() > 0) {
            full.add(QueryBuilder.recency(now, settings.recencyWeight(), settings.recencyPivot().toMillis()), Occur.SHOULD);
        }
        Query luceneQuery = full.build();
        try {
            return run(query, user, text, notice, luceneQuery, now, started);
        } catch (IndexSearcher.TooManyClauses e) {
            // Not reachable within UserQuery's and QueryBuilder's caps; a message rather than a 500 if a cap ever changes.
            throw new IllegalArgumentException("q: too many words and phrases", e);
        }
    }

    private SearchResults run(SearchQuery query, UserQuery user, QueryBuilder.TextQuery text, SearchNotice notice, Query luceneQuery, Instant now,
            long started) {
        return withSearcher(shared -> {
            IndexSearcher searcher = timeLimited(shared);
            int wanted = query.page() * query.size();
            // Stories collapse to one result, so rank more documents than the page needs; more below if stories ate the headroom.
            int ranked = wanted + Math.max(wanted, 20);
            Object[] collected = searcher.search(luceneQuery, new MultiCollectorManager(top(query.order(), ranked), new FacetCounter(FACETS)));
            TopDocs topDocs = (TopDocs) collected[0];
            FacetCounter.Counts counts = (FacetCounter.Counts) collected[1];
            boolean partial = searcher.timedOut();
            ResultPages.Collapsed results = ResultPages.collapse(searcher, topDocs.scoreDocs, wanted);
            while (results.heads().size() < wanted && topDocs.scoreDocs.length == ranked && ranked < counts.total() && !partial) {
                ranked = (int) Math.min(counts.total(), (long) ranked * 4);
                topDocs = searcher.search(luceneQuery, top(query.order(), ranked));
                partial = searcher.timedOut();
                results = ResultPages.collapse(searcher, topDocs.scoreDocs, wanted);
            }
            int from = Math.min(results.heads().size(), (query.page() - 1) * query.size());
            List<Hit> hits = ResultPages.hits(searcher, indexAnalyzer, text.positive(), luceneQuery, results.heads().subList(from, results.heads().size()),
                    results.keys().subList(from, results.keys().size()));
            String didYouMean = counts.total() == 0 && !partial ? spelling.didYouMean(searcher, user, candidate -> restricted(candidate, query, now)) : null;
            return new SearchResults(counts.results(), counts.total(), query.page(), query.size(), hits,
                    top(counts, ArticleFields.CHANNEL), top(counts, ArticleFields.SOURCE), didYouMean, notice, partial, millisSince(started));
        });
    }

    /** The best {@code n} documents by relevance or newest first. */
    private static CollectorManager<?, ? extends TopDocs> top(SearchQuery.Order order, int n) {
        return order == SearchQuery.Order.TIME ? new TopFieldCollectorManager(newestFirst(), n, null, n) : new TopScoreDocCollectorManager(n, null, n);
    }

    private static SearchNotice notice(UserQuery user, QueryBuilder.TextQuery text) {
        if (user.truncated()) {
            return SearchNotice.WORDS_LIMITED;
        }
        if (text.droppedSomething() && text.positive() != null) {
            return SearchNotice.PART_IGNORED;
        }
        return null;
    }

    /** The text query with the visibility and the request's filters, as the did-you-mean check runs it. */
    private static Query restricted(Query textQuery, SearchQuery query, Instant now) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(textQuery, Occur.MUST);
        QueryBuilder.visibleAt(b, query.visibility(), now, query.from(), query.to());
        QueryBuilder.filters(b, query);
        return b.build();
    }

    private static List<FacetCount> top(FacetCounter.Counts counts, String field) {
        List<FacetCount> all = counts.byField().getOrDefault(field, List.of());
        return all.size() <= FACET_LIMIT ? all : all.subList(0, FACET_LIMIT);
    }

    private static Sort newestFirst() {
        return new Sort(
                org.apache.lucene.document.LongField.newSortField(ArticleFields.PUBLISHED_AT, true, SortedNumericSelector.Type.MAX),
                org.apache.lucene.document.LongField.newSortField(ArticleFields.ID, true, SortedNumericSelector.Type.MAX));
    }

    /** A searcher of its own for one request, so its time limit concerns no other request. */
    private IndexSearcher timeLimited(IndexSearcher shared) {
        IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setSimilarity(shared.getSimilarity());
        searcher.setTimeout(new QueryTimeoutImpl(settings.timeout().toMillis()));
        return searcher;
    }

    @Override
    public List<Suggestion> suggest(String typed, int limit) {
        if (limit < 1 || limit > 20) {
            throw new IllegalArgumentException("limit: must be between 1 and 20");
        }
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        int length = typed.codePointCount(0, typed.length());
        if (length > UserQuery.MAX_LENGTH) {
            throw new IllegalArgumentException("q: at most " + UserQuery.MAX_LENGTH + " characters (this one has " + length + ")");
        }
        List<QueryBuilder.Token> characters = QueryBuilder.tokens(queryAnalyzer, ArticleFields.TITLE_CHARS, typed, 32);
        if (characters.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(QueryBuilder.tokensQuery(ArticleFields.TITLE_CHARS, characters), Occur.MUST);
        QueryBuilder.visibleAt(query, Visibility.PUBLIC, now, null, null);
        Query built = query.build();
        return withSearcher(shared -> {
            IndexSearcher searcher = timeLimited(shared);
            TopDocs top = searcher.search(built, new TopFieldCollectorManager(newestFirst(), limit * 4, null, limit * 4));
            StoredFields stored = searcher.storedFields();
            Map<String, Suggestion> byTitle = new LinkedHashMap<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = stored.document(hit.doc, SHOWN);
                String title = doc.get(ArticleFields.TITLE);
                byTitle.putIfAbsent(title, new Suggestion(doc.getField(ArticleFields.ID).numericValue().longValue(), title, doc.get(ArticleFields.URL)));
                if (byTitle.size() == limit) {
                    break;
                }
            }
            return List.copyOf(byTitle.values());
        });
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    Path root() {
        return root;
    }
}
