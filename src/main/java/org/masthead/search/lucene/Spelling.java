package org.masthead.search.lucene;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.masthead.search.UserQuery;

/**
 * "Did you mean": for a search without hits, finds a title term one edit away from a term of the
 * query that no title has, and offers the query with it replaced when that query has hits. The
 * dictionary is the title's CJK bigrams and Latin words ({@link ArticleFields#TITLE_BIGRAMS}): a
 * mistyped character of a Chinese name (金镛 for 金庸) is one edit in a bigram, however the word
 * segmenter cuts the name; {@link DirectSpellChecker} reads the terms straight from the index.
 */
final class Spelling {

    /** Corrections tried (each costs a count query); only searches without hits pay for them. */
    static final int MAX_TRIES = 8;

    /**
     * Unknown terms looked up (each builds a Levenshtein automaton). One edit, terms of at most 20
     * characters: longer or doubly mistyped input is rarely a near miss, and hostile input (long
     * payload strings) must not make a search without hits expensive.
     */
    static final int MAX_LOOKUPS = 4;

    private final Analyzer analyzer;
    private final QueryBuilder queries;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    Spelling(Analyzer queryAnalyzer, QueryBuilder queries) {
        this.analyzer = queryAnalyzer;
        this.queries = queries;
        checker.setMinQueryLength(2);
        checker.setMinPrefix(0);
        checker.setMaxEdits(1);
        checker.setMaxQueryLength(20);
        checker.setAccuracy(0.5f);
    }

    /** The corrected query text, or null when no correction finds anything. */
    String didYouMean(IndexSearcher searcher, UserQuery query, UnaryOperator<Query> restrict) throws IOException {
        int tries = 0;
        int lookups = 0;
        for (int i = 0; i < query.parts().size(); i++) {
            UserQuery.Part part = query.parts().get(i);
            if (part.excluded()) {
                continue;
            }
            List<QueryBuilder.Token> tokens = QueryBuilder.tokens(analyzer, ArticleFields.TITLE_BIGRAMS, part.text(), 32);
            for (QueryBuilder.Token token : tokens) {
                Term term = new Term(ArticleFields.TITLE_BIGRAMS, token.term());
                if (token.term().length() > 20 || searcher.getIndexReader().docFreq(term) > 0) {
                    continue;
                }
                if (++lookups > MAX_LOOKUPS) {
                    return null;
                }
                for (SuggestWord word : checker.suggestSimilar(term, 3, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                    if (++tries > MAX_TRIES) {
                        return null;
                    }
                    String corrected = part.text().substring(0, token.start()) + word.string + part.text().substring(token.end());
                    UserQuery candidate = query.withText(i, corrected);
                    QueryBuilder.TextQuery text = queries.text(candidate);
                    if (text.positive() == null) {
                        continue;
                    }
                    org.apache.lucene.search.BooleanQuery.Builder full = new org.apache.lucene.search.BooleanQuery.Builder()
                            .add(restrict.apply(text.positive()), org.apache.lucene.search.BooleanClause.Occur.MUST);
                    text.exclusions().forEach(q -> full.add(q, org.apache.lucene.search.BooleanClause.Occur.MUST_NOT));
                    if (searcher.count(full.build()) > 0) {
                        return candidate.toText();
                    }
                }
            }
        }
        return null;
    }
}
