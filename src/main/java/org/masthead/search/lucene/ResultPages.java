package org.masthead.search.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.masthead.search.Hit;

/**
 * Turns the ranked documents of a search into one page of results.
 *
 * <ul>
 *   <li><b>Collapse.</b> A story cluster is one result: its best-ranked member under the search's order
 *       (the first of its members in the ranking). The ranking is walked in order, each document's
 *       story key read from doc values, and the first of each key kept, until the page is full. This
 *       is "per-page dedupe": the caller ranks a few more documents than the page needs and ranks more
 *       when stories ate the headroom; totals come from {@link FacetCounter}, which counts every story
 *       once over all hits.</li>
 *   <li><b>Read once.</b> Only the page's articles are highlighted and read, and each is read once:
 *       one highlighter does title and snippet, and its stored-field load keeps the shown fields too
 *       (before: three reads and decompressions per hit).</li>
 *   <li><b>Story members.</b> The other articles of the page's stories that the same search finds come
 *       from one more query restricted to those stories; they are counted (articles, distinct sources)
 *       from doc values, and the first few by publish time read for their titles.</li>
 * </ul>
 */
final class ResultPages {

    private static final int SNIPPET_CHARS = 120;
    private static final int HIGHLIGHT_MAX_LENGTH = 20_000;

    /** The results up to the end of the page, in order: their best-ranked document and its story key. */
    record Collapsed(List<ScoreDoc> heads, List<String> keys) {}

    private ResultPages() {}

    /** The first {@code wanted} results of the ranking, one per story. */
    static Collapsed collapse(IndexSearcher searcher, ScoreDoc[] ranked, int wanted) throws IOException {
        String[] keys = storyKeys(searcher, ranked);
        List<ScoreDoc> heads = new ArrayList<>();
        List<String> headKeys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ranked.length && heads.size() < wanted; i++) {
            if (seen.add(keys[i])) {
                heads.add(ranked[i]);
                headKeys.add(keys[i]);
            }
        }
        return new Collapsed(heads, headKeys);
    }

    /** The story key of each ranked document, read from doc values in document order (forward-only iterators). */
    private static String[] storyKeys(IndexSearcher searcher, ScoreDoc[] ranked) throws IOException {
        Integer[] byDoc = new Integer[ranked.length];
        for (int i = 0; i < ranked.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> ranked[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String[] keys = new String[ranked.length];
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        SortedDocValues values = null;
        for (int i : byDoc) {
            int doc = ranked[i].doc;
            int index = ReaderUtil.subIndex(doc, leaves);
            if (index != leafIndex) {
                leafIndex = index;
                leaf = leaves.get(index);
                values = DocValues.getSorted(leaf.reader(), ArticleFields.STORY);
            }
            // Without a key (cannot happen in an index of this mapping) a document is a result of its own.
            keys[i] = values.advanceExact(doc - leaf.docBase) ? values.lookupOrd(values.ordValue()).utf8ToString() : "#" + doc;
        }
        return keys;
    }

    /**
     * The hits of the page: {@code heads} highlighted against {@code textQuery} (title whole, a snippet
     * of the text), with their story's other articles among those {@code fullQuery} finds.
     */
    static List<Hit> hits(IndexSearcher searcher, Analyzer indexAnalyzer, Query textQuery, Query fullQuery, List<ScoreDoc> heads, List<String> keys)
            throws IOException {
        if (heads.isEmpty()) {
            return List.of();
        }
        int[] docs = heads.stream().mapToInt(h -> h.doc).toArray();
        PageHighlighter highlighter = new PageHighlighter(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withMaskedFieldsFunc(ArticleFields::masked)
                .withMaxNoHighlightPassages(1)
                // Weight matches (the default) stay on although they build a weight of the whole query per
                // document and field (a fifth of the query time in the profile): without them a phrase
                // with punctuation inside (img src=x) is marked word by word instead of as one run.
                .withMaxLength(HIGHLIGHT_MAX_LENGTH));
        Map<String, String[]> marked = highlighter.highlightFields(new String[] {ArticleFields.TITLE, ArticleFields.TEXT}, textQuery, docs, new int[] {1, 2});
        String[] titles = marked.get(ArticleFields.TITLE);
        String[] snippets = marked.get(ArticleFields.TEXT);
        Map<String, List<Member>> members = members(searcher, fullQuery, keys);
        StoredFields stored = null;
        List<Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document doc = highlighter.loaded.get(docs[i]);
            if (doc == null) {
                // Not loaded by the highlighter (it skips nothing today): read it here rather than fail.
                stored = stored != null ? stored : searcher.storedFields();
                doc = stored.document(docs[i]);
            }
            String title = doc.get(ArticleFields.TITLE);
            String source = doc.get(ArticleFields.SOURCE);
            Long storyId = ArticleFields.storyOf(keys.get(i));
            List<Member> story = members.getOrDefault(keys.get(i), List.of());
            int sources = storyId == null ? 1 : distinctSources(story, docs[i], source);
            List<Hit.StoryMember> others = storyId == null ? List.of() : others(searcher, story, docs[i]);
            hits.add(new Hit(
                    doc.getField(ArticleFields.ID).numericValue().longValue(),
                    title,
                    titles[i] != null ? titles[i] : MarkFormatter.escape(title),
                    doc.get(ArticleFields.URL),
                    snippets[i] != null ? snippets[i] : "",
                    Instant.ofEpochMilli(doc.getField(ArticleFields.PUBLISHED_AT).numericValue().longValue()),
                    source,
                    doc.get(ArticleFields.CHANNEL),
                    doc.get(ArticleFields.STATUS),
                    storyId,
                    sources,
                    storyId == null ? 1 : Math.max(1, story.size()),
                    others));
        }
        return hits;
    }

    /** A member of a story found by the search: its document, source and publish time from doc values. */
    private record Member(int doc, String source, long publishedAt) {}

    /** The members of these stories (keys of articles in no story are left out) that the search finds, by story key. */
    private static Map<String, List<Member>> members(IndexSearcher searcher, Query fullQuery, List<String> keys) throws IOException {
        List<BytesRef> stories = keys.stream().filter(k -> ArticleFields.storyOf(k) != null).distinct().map(BytesRef::new).toList();
        if (stories.isEmpty()) {
            return Map.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(fullQuery, Occur.FILTER)
                .add(new TermInSetQuery(ArticleFields.STORY, stories), Occur.FILTER)
                .build();
        return searcher.search(query, new MemberCollectorManager());
    }

    /** Distinct sources among the members (the shown one included even if the member query missed it); no source counts as its own. */
    private static int distinctSources(List<Member> story, int shownDoc, String shownSource) {
        Set<String> named = new HashSet<>();
        int unnamed = 0;
        boolean shownSeen = false;
        for (Member m : story) {
            shownSeen |= m.doc() == shownDoc;
            if (m.source() == null) {
                unnamed++;
            } else {
                named.add(m.source());
            }
        }
        if (!shownSeen) {
            if (shownSource == null) {
                unnamed++;
            } else {
                named.add(shownSource);
            }
        }
        return Math.max(1, named.size() + unnamed);
    }

    /** The first {@link Hit#MAX_OTHERS} other members by publish time (the first to report first), read from stored fields. */
    private static List<Hit.StoryMember> others(IndexSearcher searcher, List<Member> story, int shownDoc) throws IOException {
        List<Member> rest = story.stream()
                .filter(m -> m.doc() != shownDoc)
                .sorted(Comparator.comparingLong(Member::publishedAt).thenComparingInt(Member::doc))
                .limit(Hit.MAX_OTHERS)
                .toList();
        if (rest.isEmpty()) {
            return List.of();
        }
        StoredFields stored = searcher.storedFields();
        Set<String> wanted = Set.of(ArticleFields.ID, ArticleFields.TITLE, ArticleFields.URL, ArticleFields.SOURCE);
        List<Hit.StoryMember> others = new ArrayList<>(rest.size());
        for (Member m : rest) {
            Document doc = stored.document(m.doc(), wanted);
            others.add(new Hit.StoryMember(doc.getField(ArticleFields.ID).numericValue().longValue(), doc.get(ArticleFields.TITLE),
                    doc.get(ArticleFields.URL), doc.get(ArticleFields.SOURCE), Instant.ofEpochMilli(m.publishedAt())));
        }
        return others;
    }

    /** Collects the story members by key; several slices reduce into one map. */
    private static final class MemberCollectorManager implements CollectorManager<MemberCollector, Map<String, List<Member>>> {

        @Override
        public MemberCollector newCollector() {
            return new MemberCollector();
        }

        @Override
        public Map<String, List<Member>> reduce(Collection<MemberCollector> collectors) {
            Map<String, List<Member>> all = new LinkedHashMap<>();
            for (MemberCollector c : collectors) {
                c.byStory.forEach((key, list) -> all.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
            }
            return all;
        }
    }

    private static final class MemberCollector implements Collector {

        final Map<String, List<Member>> byStory = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedDocValues story = DocValues.getSorted(context.reader(), ArticleFields.STORY);
            SortedSetDocValues source = DocValues.getSortedSet(context.reader(), ArticleFields.SOURCE);
            SortedNumericDocValues published = DocValues.getSortedNumeric(context.reader(), ArticleFields.PUBLISHED_AT);
            int base = context.docBase;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    if (!story.advanceExact(doc)) {
                        return;
                    }
                    String key = story.lookupOrd(story.ordValue()).utf8ToString();
                    String name = source.advanceExact(doc) ? source.lookupOrd(source.nextOrd()).utf8ToString() : null;
                    long at = published.advanceExact(doc) ? published.nextValue() : 0;
                    byStory.computeIfAbsent(key, k -> new ArrayList<>()).add(new Member(base + doc, name, at));
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /**
     * One highlighter for title and snippet: the title whole (matches marked), the text as up to two
     * sentences around matches cut to {@value #SNIPPET_CHARS} characters. Its stored-field load reads
     * each page document once, in full, and keeps it for the hit's other fields.
     */
    private static final class PageHighlighter extends UnifiedHighlighter {

        final Map<Integer, Document> loaded = new HashMap<>();

        PageHighlighter(Builder builder) {
            super(builder);
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return ArticleFields.TITLE.equals(field)
                    ? new WholeBreakIterator()
                    : LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.3f);
        }

        /**
         * Both highlighted fields (and their masked bigram fields) have offsets in their postings. Said
         * here, because finding it out merges the field infos of every segment on each call, which
         * took a tenth of the query time in the profile.
         */
        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.POSTINGS;
        }

        @Override
        protected PassageFormatter getFormatter(String field) {
            return new MarkFormatter(ArticleFields.TITLE.equals(field) ? Integer.MAX_VALUE : SNIPPET_CHARS);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
            StoredFields stored = getIndexSearcher().storedFields();
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                Document document = loaded.get(doc);
                if (document == null) {
                    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor();
                    stored.document(doc, visitor);
                    document = visitor.getDocument();
                    loaded.put(doc, document);
                }
                CharSequence[] perField = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    String value = document.get(fields[f]);
                    perField[f] = value == null ? null : value.length() > getMaxLength() ? value.substring(0, getMaxLength()) : value;
                }
                values.add(perField);
            }
            return values;
        }
    }
}
