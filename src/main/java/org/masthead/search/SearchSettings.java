package org.masthead.search;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How search runs ({@code masthead.search.*}).
 *
 * @param directory where the Lucene index lives (default {@code ${masthead.data-dir}/search})
 * @param timeout longest a search may run; after it the hits found so far are returned, marked partial
 * @param recencyWeight score a brand-new article gains over an old one of equal relevance (a title
 *     match scores several points, so this only breaks near-ties)
 * @param recencyPivot age at which an article has half of that gain
 * @param checkInterval how often the running server compares the index with the database (besides at
 *     start); zero turns the periodic check off
 * @param repairLimit differences up to this many articles are always repaired one by one; a larger
 *     one rebuilds the whole index (online) when more than half of the articles differ
 * @param alwaysFollow follow the article events even without a web server. Normally only the server
 *     writes the index: a CLI import leaves it alone (never competing with the server for it, never
 *     slowing the import down) and the server's checks bring it up to date. Tests set this.
 */
@ConfigurationProperties("masthead.search")
public record SearchSettings(
        @DefaultValue("./data/search") Path directory,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("0.5") float recencyWeight,
        @DefaultValue("14d") Duration recencyPivot,
        @DefaultValue("10m") Duration checkInterval,
        @DefaultValue("2000") int repairLimit,
        @DefaultValue("false") boolean alwaysFollow) {}
