package org.masthead.ingest.enrichment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code masthead.enrichment.*}: when two articles are the same story, and how long the summary is.
 * The defaults are the thresholds measured in bench/README.md, "dedupe".
 *
 * @param minJaccard estimated Jaccard similarity of the word 3-gram sets from which two articles are one story
 * @param minContainment share of the shorter article found in the longer from which they are one story
 *     (an article that another copied and added to), when the shorter has at least {@code minShingles}
 * @param minShingles the fewest word 3-grams an article needs before containment alone joins it to a story
 * @param window how far apart in publication time two articles may be and still be one story
 * @param summaryLength the most characters of the extractive summary (meta description, API)
 * @param keywords how many keywords are suggested as tags
 * @param enabled analyse articles as they are saved; off, nothing new is clustered, summarised or flagged
 *     (for a bulk load measured without it; articles saved meanwhile are analysed on their next change)
 */
@ConfigurationProperties("masthead.enrichment")
public record EnrichmentSettings(
        @DefaultValue("0.4") double minJaccard,
        @DefaultValue("0.7") double minContainment,
        @DefaultValue("20") int minShingles,
        @DefaultValue("7d") Duration window,
        @DefaultValue("120") int summaryLength,
        @DefaultValue("8") int keywords,
        @DefaultValue("true") boolean enabled) {

    public EnrichmentSettings {
        if (minJaccard <= 0 || minJaccard > 1 || minContainment <= 0 || minContainment > 1.01) {
            throw new IllegalArgumentException("masthead.enrichment.min-jaccard and .min-containment: between 0 (exclusive) and 1");
        }
        if (minShingles < 1 || summaryLength < 10 || keywords < 0 || window.isNegative()) {
            throw new IllegalArgumentException("masthead.enrichment: min-shingles >= 1, summary-length >= 10, keywords >= 0, window >= 0");
        }
    }
}
