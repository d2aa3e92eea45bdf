package org.masthead.article;

/**
 * A cheap fingerprint of the set of published articles: how many there are and the sums of their
 * ids and of their update times (epoch milliseconds). Any article added, removed or changed moves
 * at least one of the three, so a derived store (the search index) that computes the same three over
 * what it holds can tell in one query whether it has fallen behind.
 */
public record PublishedChecksum(long count, long idSum, long updatedAtSum) {}
