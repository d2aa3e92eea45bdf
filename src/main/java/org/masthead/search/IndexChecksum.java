package org.masthead.search;

import org.masthead.article.ArticleChecksum;

/**
 * Count and sums of ids, update times (epoch milliseconds) and status-weighted ids
 * ({@link ArticleChecksum#statusWeight}) of the articles an index holds: equal to the database's
 * {@link ArticleChecksum} when the index holds every article in its current state.
 */
public record IndexChecksum(long count, long idSum, long updatedAtSum, long statusSum) {

    public boolean matches(ArticleChecksum database) {
        return count == database.count() && idSum == database.idSum() && updatedAtSum == database.updatedAtSum()
                && statusSum == database.statusSum();
    }
}
