package org.masthead.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.masthead.article.ArticleVersion;

/**
 * The search engine behind the site and the API: Lucene in the data dir now
 * ({@code search/lucene}), an OpenSearch cluster at scale, chosen by configuration. Callers search and
 * suggest; {@link SearchIndexing} keeps the index in step with the database (article events, start-up
 * check, {@code reindex}) through the other methods, so a second engine only implements this interface.
 *
 * <p>What any implementation guarantees: it holds every article, whatever its status, and a search
 * for readers ({@link Visibility#PUBLIC}, the default) and every suggestion show only articles whose
 * status is published and whose publish time has come (checked at query time, so scheduled articles
 * appear on time without an event), in hits, totals, facet counts and "did you mean" alike; only a
 * query that asks for an editorial {@link Visibility} sees the others. User text is only ever
 * analysed as words and phrases, never parsed as a query language.
 */
public interface SearchIndex {

    /**
     * @throws IllegalArgumentException with a message for the user ("q: …") when the query cannot be run
     * @throws SearchUnavailableException when the index cannot be read
     */
    SearchResults search(SearchQuery query);

    /** Titles of visible articles that contain what was typed so far, newest first, at most {@code limit}. */
    List<Suggestion> suggest(String typed, int limit);

    /** Whether this process can use the index (another process may hold it). */
    boolean available();

    /** Whether the index is new or its field mapping changed, so only a full rebuild can fill it. */
    boolean needsRebuild();

    /**
     * Writes the current state of these articles (replacing what the index held for their ids) and
     * removes the others; searches see the change after the next {@link #refresh()}.
     */
    void apply(List<ArticleDocument> upserts, Collection<Long> removals);

    /** Makes everything applied so far visible to searches (cheap, nothing is written to disk). */
    void refresh();

    /** Makes the applied changes durable. A crash before it loses index changes, never articles. */
    void commit();

    /** Count and sums over the articles the index holds (as of the last refresh), to compare with the database's. */
    IndexChecksum checksum();

    /** Id to update time and status of every article the index holds. */
    Map<Long, ArticleVersion> versions();

    /** Starts building a new index beside the one in use, which keeps answering until {@link Rebuild#swap()}. */
    Rebuild beginRebuild();

    /** A new index being filled; closing it without swapping drops it. */
    interface Rebuild extends AutoCloseable {

        /** Writes to the new index, replacing what it holds for these ids; may be called from several threads at once. */
        void apply(List<ArticleDocument> upserts, Collection<Long> removals);

        /**
         * Adds articles the new index does not hold yet (the first pass over the database, which reads
         * each article once), without looking for an earlier version to replace; may be called from
         * several threads at once.
         */
        void add(List<ArticleDocument> documents);

        /** Makes the new index durable and the one searched, then drops the old one. */
        void swap();

        @Override
        void close();
    }
}
