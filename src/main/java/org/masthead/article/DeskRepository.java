package org.masthead.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.masthead.platform.PageSlice;
import org.masthead.source.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The back office's reads: articles in any state by filter, counts, the schedule, activity, choices. */
@Repository
class DeskRepository {

    private static final String ROW_COLUMNS = """
            SELECT a.id, a.title, a.status, a.published_at, a.updated_at, a.created_by, c.name AS channel_name, s.name AS source_name
            FROM article a LEFT JOIN channel c ON c.id = a.channel_id LEFT JOIN source s ON s.id = a.source_id""";

    private final JdbcClient jdbc;

    DeskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest publish time first; {@code owner} non-null limits to the articles that account created. */
    PageSlice<DeskRow> rows(DeskQuery q, String owner, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(q, owner, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM article a" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) (page - 1) * size);
        List<DeskRow> rows = jdbc.sql(ROW_COLUMNS + where + " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new DeskRow(rs.getLong(1), rs.getString(2), ArticleStatus.fromCode(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7), rs.getString(8), List.of()))
                .list();
        return new PageSlice<>(withAuthors(rows), page, size, total);
    }

    /** Scheduled articles, the soonest first. */
    List<DeskRow> scheduled(String owner, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(DeskQuery.all().withStatus(ArticleStatus.SCHEDULED), owner, params);
        params.add(limit);
        return withAuthors(jdbc.sql(ROW_COLUMNS + where + " ORDER BY a.published_at, a.id LIMIT ?")
                .params(params)
                .query((rs, n) -> new DeskRow(rs.getLong(1), rs.getString(2), ArticleStatus.fromCode(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7), rs.getString(8), List.of()))
                .list());
    }

    Map<ArticleStatus, Long> counts(String owner) {
        Map<ArticleStatus, Long> counts = new EnumMap<>(ArticleStatus.class);
        for (ArticleStatus status : ArticleStatus.values()) {
            counts.put(status, 0L);
        }
        String where = owner == null ? "" : " WHERE created_by = ?";
        jdbc.sql("SELECT status, COUNT(*) FROM article" + where + " GROUP BY status")
                .params(owner == null ? List.of() : List.of(owner))
                .query(rs -> {
                    counts.put(ArticleStatus.fromCode(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** The newest audit lines about articles {@code owner} created, or that {@code owner} wrote. */
    List<AuditEntry> auditOf(String owner, int limit) {
        return jdbc.sql("SELECT id, at, actor, role, address, action, article_id, from_status, to_status, detail FROM article_audit"
                        + " WHERE actor = ? OR article_id IN (SELECT id FROM article WHERE created_by = ?) ORDER BY id DESC LIMIT ?")
                .params(owner, owner, limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), ArticleAction.fromCode(rs.getString(6)), rs.getLong(7), status(rs.getString(8)), status(rs.getString(9)),
                        rs.getString(10)))
                .list();
    }

    /** Titles of the given articles, for naming them in activity lines; deleted ones are missing. */
    Map<Long, String> titles(List<Long> ids) {
        Map<Long, String> titles = new HashMap<>();
        if (ids.isEmpty()) {
            return titles;
        }
        List<Object> params = List.copyOf(ids.stream().distinct().toList());
        jdbc.sql("SELECT id, title FROM article WHERE id IN (" + String.join(", ", Collections.nCopies(params.size(), "?")) + ")")
                .params(params)
                .query(rs -> {
                    titles.put(rs.getLong(1), rs.getString(2));
                });
        return titles;
    }

    /** Tag names starting with {@code prefix} (any case), the most used first. */
    List<String> tagNames(String prefix, int limit) {
        return jdbc.sql("SELECT t.name FROM tag t LEFT JOIN article_tag x ON x.tag_id = t.id WHERE LOWER(t.name) LIKE ? ESCAPE '\\'"
                        + " GROUP BY t.id, t.name ORDER BY COUNT(x.article_id) DESC, t.name LIMIT ?")
                .params(like(prefix, false), limit)
                .query(String.class)
                .list();
    }

    List<Source> sources() {
        return jdbc.sql("SELECT id, name, homepage FROM source ORDER BY name, id")
                .query((rs, n) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    String createdBy(long id) {
        return jdbc.sql("SELECT created_by FROM article WHERE id = ?").param(id).query(String.class).optional().orElse(null);
    }

    private static String where(DeskQuery q, String owner, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (owner != null) {
            clauses.add("a.created_by = ?");
            params.add(owner);
        }
        if (q.status() != null) {
            clauses.add("a.status = ?");
            params.add(q.status().code());
        }
        if (q.channelId() != null) {
            clauses.add("a.channel_id = ?");
            params.add(q.channelId());
        }
        if (q.sourceId() != null) {
            clauses.add("a.source_id = ?");
            params.add(q.sourceId());
        }
        if (q.author() != null && !q.author().isBlank()) {
            clauses.add("(a.created_by = ? OR a.id IN (SELECT article_id FROM article_author WHERE name = ?))");
            params.add(q.author().strip());
            params.add(q.author().strip());
        }
        if (q.from() != null) {
            clauses.add("a.published_at >= ?");
            params.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            clauses.add("a.published_at < ?");
            params.add(q.to().toEpochMilli());
        }
        if (q.title() != null && !q.title().isBlank()) {
            clauses.add("LOWER(a.title) LIKE ? ESCAPE '\\'");
            params.add(like(q.title().strip(), true));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** A LIKE pattern matching {@code text} literally (its % and _ escaped), lower-cased as the column is. */
    static String like(String text, boolean anywhere) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return (anywhere ? "%" : "") + escaped + "%";
    }

    private List<DeskRow> withAuthors(List<DeskRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Object> ids = rows.stream().<Object>map(DeskRow::id).toList();
        Map<Long, List<String>> authors = new HashMap<>();
        jdbc.sql("SELECT article_id, name FROM article_author WHERE article_id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                        + ") ORDER BY article_id, position")
                .params(ids)
                .query(rs -> {
                    authors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return rows.stream().map(r -> new DeskRow(r.id(), r.title(), r.status(), r.publishedAt(), r.updatedAt(), r.createdBy(), r.channelName(),
                r.sourceName(), List.copyOf(authors.getOrDefault(r.id(), List.of())))).toList();
    }

    private static ArticleStatus status(String code) {
        return code == null ? null : ArticleStatus.fromCode(code);
    }
}
