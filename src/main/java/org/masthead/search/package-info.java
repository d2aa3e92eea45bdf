/**
 * Full-text search over published articles: one interface ({@link org.masthead.search.SearchIndex}),
 * Lucene behind it ({@code search/lucene}, the index under the data dir; OpenSearch can follow behind
 * the same interface), kept in step with the database by the article events and rebuilt from it by
 * {@code reindex}.
 */
package org.masthead.search;
