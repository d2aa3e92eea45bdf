package org.masthead.search;

import org.masthead.article.PublishedChecksum;

/**
 * Count and sums of ids and update times (epoch milliseconds) of the published articles an index
 * holds: equal to the database's {@link PublishedChecksum} when the index is complete and current.
 */
public record IndexChecksum(long count, long idSum, long updatedAtSum) {

    public boolean matches(PublishedChecksum database) {
        return count == database.count() && idSum == database.idSum() && updatedAtSum == database.updatedAtSum();
    }
}
