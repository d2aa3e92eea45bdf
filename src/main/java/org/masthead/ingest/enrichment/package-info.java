/**
 * Chinese enrichment of every saved article: story clusters of near-duplicates (MinHash with LSH), an
 * extractive summary, suggested keywords and a spam/advertorial quality verdict, kept in step with the
 * article by its events. Other modules read it through {@link org.masthead.ingest.enrichment.ArticleInsights}.
 */
@org.springframework.modulith.NamedInterface("enrichment")
package org.masthead.ingest.enrichment;
