package org.masthead.ingest.enrichment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.masthead.text.Fingerprint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code story_cluster}, {@code article_text} and {@code article_band} tables. */
@Repository
class EnrichmentRepository {

    private final JdbcClient jdbc;

    EnrichmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored article's fingerprint and story, to compare a new one with. */
    record Stored(long articleId, long storyId, Instant publishedAt, Fingerprint fingerprint) {}

    /** Everything computed for one article, ready to store. */
    record Row(long articleId, Instant publishedAt, Fingerprint fingerprint, String summary, List<String> keywords,
            int qualityScore, boolean flagged, List<String> reasons) {}

    /** Articles other than {@code articleId} sharing a band key, published within the window. */
    List<Stored> candidates(long articleId, long[] bandKeys, Instant from, Instant to) {
        String keys = Arrays.stream(bandKeys).mapToObj(Long::toString).collect(Collectors.joining(","));
        return jdbc.sql("SELECT t.article_id, t.story_id, t.published_at, t.fingerprint, t.shingles FROM article_text t "
                        + "WHERE t.article_id IN (SELECT DISTINCT b.article_id FROM article_band b WHERE b.band_key IN (" + keys + ")) "
                        + "AND t.article_id <> ? AND t.published_at BETWEEN ? AND ?")
                .params(articleId, from.toEpochMilli(), to.toEpochMilli())
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Fingerprint.decode(rs.getString(4), rs.getInt(5))))
                .list();
    }

    Optional<Long> storyOf(long articleId) {
        return jdbc.sql("SELECT story_id FROM article_text WHERE article_id = ?").param(articleId).query(Long.class).optional();
    }

    long newStory(long primaryArticleId, Instant now) {
        return jdbc.sql("INSERT INTO story_cluster (primary_article_id, created_at) VALUES (?, ?) RETURNING id")
                .params(primaryArticleId, now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    /** Replaces the article's row and band keys. */
    void save(Row row, long storyId, Instant now) {
        jdbc.sql("DELETE FROM article_band WHERE article_id = ?").param(row.articleId()).update();
        jdbc.sql("DELETE FROM article_text WHERE article_id = ?").param(row.articleId()).update();
        jdbc.sql("INSERT INTO article_text (article_id, story_id, published_at, fingerprint, shingles, summary, keywords, "
                        + "quality_score, quality_flagged, quality_reasons, analysed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.articleId(), storyId, row.publishedAt().toEpochMilli(), row.fingerprint().encoded(),
                        row.fingerprint().shingles(), row.summary(), String.join("\n", row.keywords()), row.qualityScore(),
                        row.flagged(), String.join(",", row.reasons()), now.toEpochMilli())
                .update();
        // One statement for all 42 keys: preparing one per key cost more than the rest of the save.
        long[] keys = Arrays.stream(row.fingerprint().bandKeys()).distinct().toArray();
        List<Object> params = new ArrayList<>(keys.length * 2);
        for (long key : keys) {
            params.add(key);
            params.add(row.articleId());
        }
        jdbc.sql("INSERT INTO article_band (band_key, article_id) VALUES " + String.join(", ", java.util.Collections.nCopies(keys.length, "(?, ?)")))
                .params(params)
                .update();
    }

    /**
     * Makes the first-published member the story's primary article; a story left without members is
     * deleted.
     */
    void settlePrimary(long storyId) {
        Optional<Long> first = jdbc.sql("SELECT article_id FROM article_text WHERE story_id = ? ORDER BY published_at, article_id LIMIT 1")
                .param(storyId).query(Long.class).optional();
        if (first.isPresent()) {
            jdbc.sql("UPDATE story_cluster SET primary_article_id = ? WHERE id = ?").params(first.get(), storyId).update();
        } else {
            jdbc.sql("DELETE FROM story_cluster WHERE id = ?").param(storyId).update();
        }
    }

    Optional<ArticleInsight> insight(long articleId) {
        return jdbc.sql("SELECT t.article_id, t.story_id, s.primary_article_id, t.summary, t.keywords, t.quality_score, "
                        + "t.quality_flagged, t.quality_reasons FROM article_text t JOIN story_cluster s ON s.id = t.story_id "
                        + "WHERE t.article_id = ?")
                .param(articleId)
                .query((rs, n) -> new ArticleInsight(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        lines(rs.getString(5), "\n"), rs.getInt(6), rs.getBoolean(7), lines(rs.getString(8), ",")))
                .optional();
    }

    /** The other members of the article's story, first published first: one statement, none when it has no story. */
    List<Long> otherMembersOf(long articleId, int limit) {
        return jdbc.sql("SELECT article_id FROM article_text WHERE story_id = (SELECT story_id FROM article_text WHERE article_id = ?) "
                        + "AND article_id <> ? ORDER BY published_at, article_id LIMIT ?")
                .params(articleId, articleId, limit)
                .query(Long.class)
                .list();
    }

    /** Article id to story id of those of these articles that have a story; one statement per 500 ids. */
    java.util.Map<Long, Long> storiesOf(java.util.Collection<Long> articleIds) {
        java.util.Map<Long, Long> stories = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(articleIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.sql("SELECT article_id, story_id FROM article_text WHERE article_id IN ("
                            + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")")
                    .params(new ArrayList<Object>(part))
                    .query((rs, n) -> stories.put(rs.getLong(1), rs.getLong(2)))
                    .list();
        }
        return stories;
    }

    /** Flagged articles, newest id first, for a review queue. */
    List<Long> flagged(int limit) {
        return jdbc.sql("SELECT article_id FROM article_text WHERE quality_flagged = ? ORDER BY article_id DESC LIMIT ?")
                .params(true, limit)
                .query(Long.class)
                .list();
    }

    private static List<String> lines(String joined, String separator) {
        List<String> parts = new ArrayList<>();
        for (String part : joined.split(separator)) {
            if (!part.isBlank()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
