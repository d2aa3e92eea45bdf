package org.masthead.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.masthead.search.SearchQuery;
import org.masthead.search.UserQuery;
import org.masthead.search.Visibility;

/**
 * Turns a parsed {@link UserQuery} and the filters into Lucene queries, built directly from analysed
 * tokens (no query parser ever sees user text). A word or phrase is looked for in title, tags, source
 * and text, and in the bigram backups of title and text, the best field counting
 * ({@link DisjunctionMaxQuery}, boosted per {@link ArticleFields#SEARCHED} and {@link ArticleFields#BACKUPS});
 * when the analyzer cuts it into several tokens they must stand side by side ({@link PhraseQuery}),
 * so a two-character word never matches an article where its characters only occur apart.
 */
final class QueryBuilder {

    /** Tokens used of one word or phrase; a longer phrase is cut (a 200-character limit keeps this rare). */
    static final int MAX_TOKENS_PER_PART = 64;

    /** The one status readers see. */
    static final String PUBLISHED = "published";

    /** A token and where it stands: position for phrases, offsets into the analysed text for rewriting it. */
    record Token(String term, int position, int start, int end) {}

    /** The positive query (null when nothing searchable is left), the exclusions, and what was dropped. */
    record TextQuery(Query positive, List<Query> exclusions, boolean droppedSomething) {}

    private final Analyzer analyzer;

    QueryBuilder(Analyzer queryAnalyzer) {
        this.analyzer = queryAnalyzer;
    }

    TextQuery text(UserQuery query) {
        BooleanQuery.Builder positive = new BooleanQuery.Builder();
        int positives = 0;
        List<Query> exclusions = new ArrayList<>();
        boolean dropped = false;
        for (UserQuery.Part part : query.parts()) {
            Query q = part(part.text());
            if (q == null) {
                dropped = true;
                continue;
            }
            if (part.excluded()) {
                exclusions.add(q);
            } else {
                positive.add(q, Occur.MUST);
                positives++;
            }
        }
        return new TextQuery(positives == 0 ? null : positive.build(), exclusions, dropped);
    }

    /** The query for one word or phrase across the searched fields, or null when the analyzer keeps nothing of it. */
    Query part(String text) {
        List<Token> tokens = tokens(analyzer, ArticleFields.TEXT, text, MAX_TOKENS_PER_PART);
        if (tokens.isEmpty()) {
            return null;
        }
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : ArticleFields.SEARCHED.entrySet()) {
            Query q = tokensQuery(field.getKey(), tokens);
            perField.add(field.getValue() == 1.0f ? q : new BoostQuery(q, field.getValue()));
        }
        List<Token> bigrams = tokens(analyzer, ArticleFields.TEXT_BIGRAMS, text, MAX_TOKENS_PER_PART);
        if (!bigrams.isEmpty()) {
            for (Map.Entry<String, Float> backup : ArticleFields.BACKUPS.entrySet()) {
                perField.add(new BoostQuery(tokensQuery(backup.getKey(), bigrams), backup.getValue()));
            }
        }
        return new DisjunctionMaxQuery(perField, 0.1f);
    }

    static Query tokensQuery(String field, List<Token> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst().term()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int first = tokens.getFirst().position();
        for (Token token : tokens) {
            phrase.add(new Term(field, token.term()), token.position() - first);
        }
        return phrase.build();
    }

    /**
     * What this search may see, within the publish-time range {@code from}–{@code to} (either null):
     * for readers ({@link Visibility#PUBLIC}) published articles whose publish time has come; for the
     * back office every status, or the one asked for, whatever the publish time.
     */
    static void visibleAt(BooleanQuery.Builder query, Visibility visibility, Instant now, Instant from, Instant to) {
        long lower = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long upper = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        if (!visibility.editorial()) {
            query.add(KeywordField.newExactQuery(ArticleFields.STATUS, PUBLISHED), Occur.FILTER);
            upper = Math.min(now.toEpochMilli(), upper);
        } else if (visibility.status() != null) {
            query.add(KeywordField.newExactQuery(ArticleFields.STATUS, visibility.status()), Occur.FILTER);
        }
        if (lower != Long.MIN_VALUE || upper != Long.MAX_VALUE) {
            query.add(LongField.newRangeQuery(ArticleFields.PUBLISHED_AT, lower, upper), Occur.FILTER);
        }
    }

    static void filters(BooleanQuery.Builder query, SearchQuery search) {
        if (search.channel() != null) {
            query.add(new BooleanQuery.Builder()
                    .add(KeywordField.newExactQuery(ArticleFields.CHANNEL, search.channel()), Occur.SHOULD)
                    .add(KeywordField.newExactQuery(ArticleFields.CHANNEL_SLUG, search.channel()), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        if (search.source() != null) {
            query.add(KeywordField.newExactQuery(ArticleFields.SOURCE, search.source()), Occur.FILTER);
        }
        if (search.tag() != null) {
            query.add(KeywordField.newExactQuery(ArticleFields.TAG, search.tag()), Occur.FILTER);
        }
    }

    /** Newer articles score a little more: {@code weight · pivot / (pivot + age)}. */
    static Query recency(Instant now, float weight, long pivotMillis) {
        return LongField.newDistanceFeatureQuery(ArticleFields.PUBLISHED_AT, weight, now.toEpochMilli(), Math.max(1, pivotMillis));
    }

    static List<Token> tokens(Analyzer analyzer, String field, String text, int max) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken() && tokens.size() < max) {
                position += increment.getPositionIncrement();
                if (term.length() > 0) {
                    tokens.add(new Token(term.toString(), Math.max(0, position), offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query cannot fail on a string", e);
        }
        return tokens;
    }
}
