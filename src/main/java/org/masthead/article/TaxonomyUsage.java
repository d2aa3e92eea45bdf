package org.masthead.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.platform.PageSlice;
import org.masthead.tag.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many articles use each channel, tag and byline (every article, whatever its state: a draft's tag
 * is in use too), for the back office's taxonomy pages.
 */
@Service
public class TaxonomyUsage {

    /** A tag and how many articles carry it. */
    public record TagCount(Tag tag, long articles) {}

    /** A byline (作者 name as stored on articles) and how many articles carry it. */
    public record BylineCount(String name, long articles) {}

    private final JdbcClient jdbc;

    TaxonomyUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Articles per channel id; channels without articles are absent. */
    public Map<Long, Long> articlesPerChannel() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("SELECT channel_id, COUNT(*) FROM article WHERE channel_id IS NOT NULL GROUP BY channel_id")
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Tags whose name contains {@code query} (all for blank), most used first, then by name. */
    public PageSlice<TagCount> tags(String query, int page, int size) {
        String like = like(query);
        long total = jdbc.sql("SELECT COUNT(*) FROM tag WHERE LOWER(name) LIKE LOWER(?) ESCAPE '\\'").param(like).query(Long.class).single();
        List<TagCount> items = jdbc.sql("""
                SELECT t.id, t.name, (SELECT COUNT(*) FROM article_tag x WHERE x.tag_id = t.id) AS articles
                FROM tag t WHERE LOWER(t.name) LIKE LOWER(?) ESCAPE '\\' ORDER BY articles DESC, t.name LIMIT ? OFFSET ?""")
                .params(like, size, (long) (page - 1) * size)
                .query((rs, n) -> new TagCount(new Tag(rs.getLong(1), rs.getString(2)), rs.getLong(3)))
                .list();
        return new PageSlice<>(items, page, size, total);
    }

    public long articlesWithTag(long tagId) {
        return jdbc.sql("SELECT COUNT(*) FROM article_tag WHERE tag_id = ?").param(tagId).query(Long.class).single();
    }

    /** Bylines containing {@code query} (all for blank), most used first, then by name. */
    public PageSlice<BylineCount> bylines(String query, int page, int size) {
        String like = like(query);
        long total = jdbc.sql("SELECT COUNT(DISTINCT name) FROM article_author WHERE LOWER(name) LIKE LOWER(?) ESCAPE '\\'").param(like).query(Long.class).single();
        List<BylineCount> items = new ArrayList<>(jdbc.sql("""
                SELECT name, COUNT(DISTINCT article_id) AS articles FROM article_author WHERE LOWER(name) LIKE LOWER(?) ESCAPE '\\'
                GROUP BY name ORDER BY articles DESC, name LIMIT ? OFFSET ?""")
                .params(like, size, (long) (page - 1) * size)
                .query((rs, n) -> new BylineCount(rs.getString(1), rs.getLong(2)))
                .list());
        return new PageSlice<>(items, page, size, total);
    }

    /** The byline an old name was renamed or merged into, for the 301 from {@code /author/old}. */
    public Optional<String> bylineRenamedTo(String name) {
        return jdbc.sql("SELECT current_name FROM byline_alias WHERE name = ?").param(name).query(String.class).optional();
    }

    /** A LIKE pattern for "contains", with the wildcards of the query itself taken literally. */
    static String like(String query) {
        String q = query == null ? "" : query.strip();
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
