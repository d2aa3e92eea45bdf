package org.masthead.search.lucene;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.masthead.search.ArticleDocument;
import org.masthead.search.analysis.ChineseAnalysis;

/**
 * The Lucene field mapping of an {@link ArticleDocument}, all in one place: field names, how each is
 * indexed, stored and analysed, and how much a match in it counts. Change anything here and bump
 * {@link #MAPPING_VERSION}: an index written with another version is rebuilt at the next start.
 */
final class ArticleFields {

    /** Kept in each commit's user data; a different value makes the start-up check rebuild the index. */
    static final String MAPPING_VERSION = "5";

    static final String MAPPING_KEY = "masthead.mapping";

    /** The id as a term: what updates and deletes address. */
    static final String KEY = "key";

    /** The id as a number: stored, and doc values for the index checksum. */
    static final String ID = "id";

    static final String URL = "url";

    /** Title words (Chinese analyzer), stored with offsets for highlighting. */
    static final String TITLE = "title";

    /** One token per letter or digit of the title: a typed fragment is a phrase of them (suggest as you type). */
    static final String TITLE_CHARS = "title_chars";

    /**
     * The title as overlapping CJK bigrams and Latin words ({@link ChineseAnalysis#cjkBigrams()}):
     * the backup of {@link #TITLE} (see {@link #TEXT_BIGRAMS}) and the dictionary of "did you mean".
     */
    static final String TITLE_BIGRAMS = "title_bigrams";

    /**
     * The text again as overlapping CJK bigrams: a backup that finds a word where the segmenter fused
     * it into a longer one (学生 in 学生会, 经济 in 经济学), at half the weight of a segmented match.
     * A phrase of bigrams still needs the characters side by side. Offsets in the postings, so the
     * highlighter marks such matches in {@link #TEXT} too (masked field).
     */
    static final String TEXT_BIGRAMS = "text_bigrams";

    /** The backup fields with their weights: half of the field they back up. */
    static final Map<String, Float> BACKUPS = Map.of(TITLE_BIGRAMS, 1.5f, TEXT_BIGRAMS, 0.5f);

    /** The readable text (subtitle, summary, body), stored with offsets for snippets. */
    static final String TEXT = "text";

    /** Tag names as words, one value per tag. */
    static final String TAGS = "tags";

    /** Tag names as exact values, for filters. */
    static final String TAG = "tag";

    /** The source's name as words. */
    static final String SOURCE_TEXT = "source_text";

    /** The source's name exactly: filter, facet, stored. */
    static final String SOURCE = "source";

    /** The channel's name exactly: filter, facet, stored. */
    static final String CHANNEL = "channel";

    static final String CHANNEL_SLUG = "channel_slug";

    /** The status code ("draft", "published" …): filter (readers see only "published"), stored for the back office's hits. */
    static final String STATUS = "status";

    /** Epoch milliseconds: range filter, time sort, recency; stored. */
    static final String PUBLISHED_AT = "published_at";

    /** Epoch milliseconds: the index checksum; stored. */
    static final String UPDATED_AT = "updated_at";

    /**
     * What a search collapses on: {@code s<storyId>} for an article in a story cluster, {@code a<id>}
     * for one in none (a story of its own), so every document has a key and no two unclustered
     * articles share one. Indexed as a term (the members of a page's stories are looked up by it) and
     * as sorted doc values (read per hit while collapsing and counting stories). The two prefixes sort
     * apart: in each segment the keys of clustered articles are the ordinals from that of "s" on.
     */
    static final String STORY = "story";

    static final String STORY_PREFIX = "s";
    static final String LONE_PREFIX = "a";

    static String storyKey(ArticleDocument a) {
        return a.storyId() != null ? STORY_PREFIX + a.storyId() : LONE_PREFIX + a.id();
    }

    /** The story id of a key, or null for an article in no story. */
    static Long storyOf(String key) {
        return key.startsWith(STORY_PREFIX) ? Long.valueOf(key.substring(STORY_PREFIX.length())) : null;
    }

    /** Where a word of the query is looked for, and its weight: title, tags and source count more than the body. */
    static final Map<String, Float> SEARCHED;

    static {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(TITLE, 3.0f);
        fields.put(TAGS, 2.5f);
        fields.put(SOURCE_TEXT, 2.0f);
        fields.put(TEXT, 1.0f);
        SEARCHED = java.util.Collections.unmodifiableMap(fields);
    }

    /** Indexed with positions and offsets (phrases, highlighting from postings) and stored. */
    private static final FieldType STORED_TEXT;

    static {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        STORED_TEXT = type;
    }

    /** Indexed with positions and offsets, not stored: the bigram backups. */
    private static final FieldType BIGRAMS;

    static {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        BIGRAMS = type;
    }

    private ArticleFields() {}

    /** The backup field whose matches are also marked when a field is highlighted. */
    static java.util.Set<String> masked(String field) {
        return switch (field) {
            case TITLE -> java.util.Set.of(TITLE_BIGRAMS);
            case TEXT -> java.util.Set.of(TEXT_BIGRAMS);
            default -> java.util.Set.of();
        };
    }

    static Document toDocument(ArticleDocument a) {
        Document doc = new Document();
        doc.add(new StringField(KEY, Long.toString(a.id()), Field.Store.NO));
        doc.add(new LongField(ID, a.id(), Field.Store.YES));
        doc.add(new StoredField(URL, a.url()));
        doc.add(new Field(TITLE, a.title(), STORED_TEXT));
        doc.add(new TextField(TITLE_CHARS, a.title(), Field.Store.NO));
        doc.add(new Field(TITLE_BIGRAMS, a.title(), BIGRAMS));
        doc.add(new Field(TEXT, a.text(), STORED_TEXT));
        doc.add(new Field(TEXT_BIGRAMS, a.text(), BIGRAMS));
        for (String tag : a.tags()) {
            doc.add(new TextField(TAGS, tag, Field.Store.NO));
            doc.add(new KeywordField(TAG, tag, Field.Store.NO));
        }
        if (a.source() != null) {
            doc.add(new TextField(SOURCE_TEXT, a.source(), Field.Store.NO));
            doc.add(new KeywordField(SOURCE, a.source(), Field.Store.YES));
        }
        if (a.channel() != null) {
            doc.add(new KeywordField(CHANNEL, a.channel(), Field.Store.YES));
        }
        if (a.channelSlug() != null) {
            doc.add(new KeywordField(CHANNEL_SLUG, a.channelSlug(), Field.Store.NO));
        }
        doc.add(new KeywordField(STATUS, a.status(), Field.Store.YES));
        doc.add(new LongField(PUBLISHED_AT, a.publishedAt().toEpochMilli(), Field.Store.YES));
        doc.add(new LongField(UPDATED_AT, a.updatedAt().toEpochMilli(), Field.Store.YES));
        String story = storyKey(a);
        doc.add(new StringField(STORY, story, Field.Store.NO));
        doc.add(new SortedDocValuesField(STORY, new BytesRef(story)));
        return doc;
    }

    enum Use {
        INDEX,
        QUERY
    }

    /**
     * The Chinese analyzer of the word fields (smartcn behind NFKC and Traditional-to-Simplified
     * folding, chosen by measurement in {@code search.analysis}). Changing it changes the tokens in the
     * index: bump {@link #MAPPING_VERSION} so existing indexes are rebuilt.
     */
    private static Analyzer analyzer(Use use) {
        return use == Use.INDEX ? ChineseAnalysis.forIndexing() : ChineseAnalysis.forQuery();
    }

    /** Per field: Chinese words, title characters, title bigrams; a gap of 100 positions between values so no phrase spans two tags. */
    static Analyzer perField(Use use) {
        return new PerField(analyzer(use), new CharacterAnalyzer(), ChineseAnalysis.cjkBigrams());
    }

    private static final class PerField extends DelegatingAnalyzerWrapper {

        private final Analyzer words;
        private final Analyzer characters;
        private final Analyzer bigrams;

        PerField(Analyzer words, Analyzer characters, Analyzer bigrams) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.words = words;
            this.characters = characters;
            this.bigrams = bigrams;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return switch (fieldName) {
                case TITLE_CHARS -> characters;
                case TITLE_BIGRAMS, TEXT_BIGRAMS -> bigrams;
                default -> words;
            };
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }

        @Override
        public void close() {
            super.close();
            words.close();
            characters.close();
            bigrams.close();
        }
    }
}
