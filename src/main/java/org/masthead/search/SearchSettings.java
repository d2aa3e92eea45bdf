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
 * @param repairLimit most articles repaired one by one when the index differs from the database; a
 *     larger difference rebuilds the whole index (online)
 */
@ConfigurationProperties("masthead.search")
public record SearchSettings(
        @DefaultValue("./data/search") Path directory,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("0.5") float recencyWeight,
        @DefaultValue("14d") Duration recencyPivot,
        @DefaultValue("10m") Duration checkInterval,
        @DefaultValue("2000") int repairLimit) {}
