package org.masthead.search.lucene;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.masthead.search.ArticleDocument;

/**
 * The Lucene field mapping of an {@link ArticleDocument}, all in one place: field names, how each is
 * indexed, stored and analysed, and how much a match in it counts. Change anything here and bump
 * {@link #MAPPING_VERSION}: an index written with another version is rebuilt at the next start.
 */
final class ArticleFields {

    /** Kept in each commit's user data; a different value makes the start-up check rebuild the index. */
    static final String MAPPING_VERSION = "1";

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

    /** CJK bigrams and Latin words of the title: the dictionary of "did you mean". */
    static final String TITLE_BIGRAMS = "title_bigrams";

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
    static final String STATUS = "status";

    /** Epoch milliseconds: range filter, time sort, recency; stored. */
    static final String PUBLISHED_AT = "published_at";

    /** Epoch milliseconds: the index checksum; stored. */
    static final String UPDATED_AT = "updated_at";

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

    private ArticleFields() {}

    static Document toDocument(ArticleDocument a) {
        Document doc = new Document();
        doc.add(new StringField(KEY, Long.toString(a.id()), Field.Store.NO));
        doc.add(new LongField(ID, a.id(), Field.Store.YES));
        doc.add(new StoredField(URL, a.url()));
        doc.add(new Field(TITLE, a.title(), STORED_TEXT));
        doc.add(new TextField(TITLE_CHARS, a.title(), Field.Store.NO));
        doc.add(new TextField(TITLE_BIGRAMS, a.title(), Field.Store.NO));
        doc.add(new Field(TEXT, a.text(), STORED_TEXT));
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
        doc.add(new KeywordField(STATUS, a.status(), Field.Store.NO));
        doc.add(new LongField(PUBLISHED_AT, a.publishedAt().toEpochMilli(), Field.Store.YES));
        doc.add(new LongField(UPDATED_AT, a.updatedAt().toEpochMilli(), Field.Store.YES));
        return doc;
    }

    enum Use {
        INDEX,
        QUERY
    }

    /**
     * The Chinese analyzer of the word fields. SmartChineseAnalyzer until
     * {@code org.masthead.search.analysis.ChineseAnalysis} lands; then this one line becomes
     * {@code use == Use.INDEX ? ChineseAnalysis.forIndexing() : ChineseAnalysis.forQuery()} (and
     * {@link #MAPPING_VERSION} goes up, so existing indexes are rebuilt).
     */
    private static Analyzer analyzer(Use use) {
        return new SmartChineseAnalyzer();
    }

    /** Per field: Chinese words, title characters, title bigrams; a gap of 100 positions between values so no phrase spans two tags. */
    static Analyzer perField(Use use) {
        return new PerField(analyzer(use), new CharacterAnalyzer(), new CJKAnalyzer(CharArraySet.EMPTY_SET));
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
                case TITLE_BIGRAMS -> bigrams;
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
