package org.masthead.article;

/**
 * A cheap fingerprint of every article: how many there are and the sums of their ids, of their
 * update times (epoch milliseconds) and of their ids weighted by status ({@link #statusWeight}).
 * Any article added, removed, changed or moved to another status moves at least one of the four, so
 * a derived store (the search index) that computes the same over what it holds can tell in one query
 * whether it has fallen behind, even when a status changed without the update time.
 */
public record ArticleChecksum(long count, long idSum, long updatedAtSum, long statusSum) {

    /**
     * What a status adds to {@link #statusSum} per unit of id: its position among the {@link ArticleStatus}
     * values plus one, and 0 for a code no value has (both sides of a comparison use this one function).
     */
    public static long statusWeight(String code) {
        for (ArticleStatus status : ArticleStatus.values()) {
            if (status.code().equals(code)) {
                return status.ordinal() + 1L;
            }
        }
        return 0;
    }

    /** The same weight in SQL, for {@code SUM(id * …)} over the article table. */
    static String statusWeightSql() {
        StringBuilder sql = new StringBuilder("CASE status");
        for (ArticleStatus status : ArticleStatus.values()) {
            sql.append(" WHEN '").append(status.code()).append("' THEN ").append(statusWeight(status.code()));
        }
        return sql.append(" ELSE 0 END").toString();
    }
}
