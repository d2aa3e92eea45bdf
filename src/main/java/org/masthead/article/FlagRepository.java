package org.masthead.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The article_flag table: which article carries which flag since when. */
@Repository
class FlagRepository {

    private final JdbcClient jdbc;

    FlagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<ArticleFlag> of(long articleId) {
        Set<ArticleFlag> flags = EnumSet.noneOf(ArticleFlag.class);
        jdbc.sql("SELECT flag FROM article_flag WHERE article_id = ?").param(articleId).query(String.class).list()
                .forEach(code -> flags.add(ArticleFlag.fromCode(code)));
        return flags;
    }

    void set(long articleId, ArticleFlag flag, Instant now) {
        jdbc.sql("INSERT INTO article_flag (article_id, flag, flagged_at) VALUES (?, ?, ?) ON CONFLICT (article_id, flag) DO NOTHING")
                .params(articleId, flag.code(), now.toEpochMilli())
                .update();
    }

    void clear(long articleId, ArticleFlag flag) {
        jdbc.sql("DELETE FROM article_flag WHERE article_id = ? AND flag = ?").params(articleId, flag.code()).update();
    }

    /**
     * The visible articles carrying each flag (in the channel, when given), at most {@code limits} of each,
     * newest-flagged first, in one statement: one small index range of article_flag per flag.
     */
    FlaggedLists visible(Map<ArticleFlag, Integer> limits, Long channelId, Instant now) {
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        int i = 0;
        for (Map.Entry<ArticleFlag, Integer> limit : limits.entrySet()) {
            parts.add("SELECT * FROM (SELECT f.article_id, f.flag, f.flagged_at FROM article_flag f JOIN article v ON v.id = f.article_id"
                    + " WHERE f.flag = ? AND v.status = 'published' AND v.published_at <= ?" + (channelId == null ? "" : " AND v.channel_id = ?")
                    + " ORDER BY f.flagged_at DESC, f.article_id DESC LIMIT ?) AS f" + i++);
            params.add(limit.getKey().code());
            params.add(now.toEpochMilli());
            if (channelId != null) {
                params.add(channelId);
            }
            params.add(limit.getValue());
        }
        Map<ArticleFlag, List<ArticleCard>> lists = new EnumMap<>(ArticleFlag.class);
        if (parts.isEmpty()) {
            return new FlaggedLists(lists);
        }
        jdbc.sql("SELECT x.flag AS flag, a.id, a.title, a.summary, a.lead_text, a.published_at, a.updated_at, a.cover_image,"
                        + " c.id AS channel_id, c.name AS channel_name, c.slug AS channel_slug, s.id AS source_id, s.name AS source_name"
                        + " FROM (" + String.join(" UNION ALL ", parts) + ") x JOIN article a ON a.id = x.article_id"
                        + " LEFT JOIN channel c ON c.id = a.channel_id LEFT JOIN source s ON s.id = a.source_id"
                        + " ORDER BY x.flag, x.flagged_at DESC, a.id DESC")
                .params(params)
                .query((rs, n) -> lists.computeIfAbsent(ArticleFlag.fromCode(rs.getString("flag")), f -> new ArrayList<>())
                        .add(ArticleRepository.card(rs, n)))
                .list();
        lists.replaceAll((flag, cards) -> List.copyOf(cards));
        return new FlaggedLists(lists);
    }

    /** Every article carrying the flag, any state, newest-flagged first. */
    List<FlaggedArticle> listed(ArticleFlag flag, int limit) {
        return jdbc.sql("SELECT a.id, a.title, a.status, a.published_at, f.flagged_at FROM article_flag f JOIN article a ON a.id = f.article_id"
                        + " WHERE f.flag = ? ORDER BY f.flagged_at DESC, a.id DESC LIMIT ?")
                .params(flag.code(), limit)
                .query((rs, n) -> new FlaggedArticle(rs.getLong(1), rs.getString(2), ArticleStatus.fromCode(rs.getString(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))))
                .list();
    }

    boolean exists(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE id = ?").param(articleId).query(Long.class).single() > 0;
    }
}
