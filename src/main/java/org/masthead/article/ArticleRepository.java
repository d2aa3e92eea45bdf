package org.masthead.article;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.channel.Channel;
import org.masthead.platform.PageSlice;
import org.masthead.source.Source;
import org.masthead.tag.Tag;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plain SQL that runs on SQLite and PostgreSQL alike. Read models join the channel, source and tag
 * tables directly: they are one schema, and one query beats a round trip per list item.
 */
@Repository
class ArticleRepository {

    record Row(ArticleDraft draft, String leadText, Long channelId, Long sourceId, String contentHash, List<Tag> tags) {}

    private static final String CARD_COLUMNS = """
            a.id, a.title, a.summary, a.lead_text, a.published_at, a.updated_at, a.cover_image,
            c.id AS channel_id, c.name AS channel_name, c.slug AS channel_slug, s.id AS source_id, s.name AS source_name
            FROM article a LEFT JOIN channel c ON c.id = a.channel_id LEFT JOIN source s ON s.id = a.source_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ArticleRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    Optional<Long> idByOriginalUrl(String originalUrl) {
        return jdbc.sql("SELECT id FROM article WHERE original_url = ?").param(originalUrl).query(Long.class).optional();
    }

    String contentHash(long id) {
        return jdbc.sql("SELECT content_hash FROM article WHERE id = ?").param(id).query(String.class).single();
    }

    long insert(Row row, ArticleStatus status, String createdBy, Instant now) {
        ArticleDraft d = row.draft();
        return jdbc.sql("""
                INSERT INTO article (title, subtitle, body_html, summary, lead_text, status, published_at, created_at, updated_at,
                                     original_url, source_id, channel_id, cover_image, content_hash, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.title().strip(), blankToNull(d.subtitle()), d.bodyHtml(), blankToNull(d.summary()), row.leadText(), status.code(),
                        d.publishedAt().toEpochMilli(), now.toEpochMilli(), now.toEpochMilli(), d.originalUrl(), row.sourceId(), row.channelId(),
                        blankToNull(d.coverImage()), row.contentHash(), createdBy)
                .query(Long.class)
                .single();
    }

    void update(long id, Row row, Instant now) {
        ArticleDraft d = row.draft();
        jdbc.sql("""
                UPDATE article SET title = ?, subtitle = ?, body_html = ?, summary = ?, lead_text = ?, published_at = ?, updated_at = ?,
                                   source_id = ?, channel_id = ?, cover_image = ?, content_hash = ?
                WHERE id = ?""")
                .params(d.title().strip(), blankToNull(d.subtitle()), d.bodyHtml(), blankToNull(d.summary()), row.leadText(),
                        d.publishedAt().toEpochMilli(), now.toEpochMilli(), row.sourceId(), row.channelId(), blankToNull(d.coverImage()),
                        row.contentHash(), id)
                .update();
    }

    void replaceChildren(long id, List<String> authors, List<Tag> tags, List<Figure> figures) {
        jdbc.sql("DELETE FROM article_author WHERE article_id = ?").param(id).update();
        jdbc.sql("DELETE FROM article_tag WHERE article_id = ?").param(id).update();
        jdbc.sql("DELETE FROM article_figure WHERE article_id = ?").param(id).update();
        int position = 0;
        for (String author : authors.stream().map(String::strip).distinct().toList()) {
            jdbc.sql("INSERT INTO article_author (article_id, position, name) VALUES (?, ?, ?)").params(id, position++, author).update();
        }
        position = 0;
        for (Tag tag : tags) {
            jdbc.sql("INSERT INTO article_tag (article_id, tag_id, position) VALUES (?, ?, ?)").params(id, tag.id(), position++).update();
        }
        position = 0;
        for (Figure figure : figures) {
            jdbc.sql("INSERT INTO article_figure (article_id, position, url, caption) VALUES (?, ?, ?, ?)")
                    .params(id, position++, figure.url().strip(), blankToNull(figure.caption()))
                    .update();
        }
    }

    PageSlice<ArticleCard> cards(ArticleFilter filter, int page, int size, Instant now) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, now, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM article a" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) (page - 1) * size);
        List<ArticleCard> items = jdbc.sql("SELECT " + CARD_COLUMNS + where + " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(ArticleRepository::card)
                .list();
        return new PageSlice<>(items, page, size, total);
    }

    /** The first page of {@link #cards} without its total: no count over the whole filter. */
    List<ArticleCard> newestCards(ArticleFilter filter, int limit, Instant now) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, now, params);
        params.add(limit);
        return jdbc.sql("SELECT " + CARD_COLUMNS + where + " ORDER BY a.published_at DESC, a.id DESC LIMIT ?")
                .params(params)
                .query(ArticleRepository::card)
                .list();
    }

    /**
     * The newest {@code perChannel} visible articles of each given channel, in one statement: one
     * small index range per channel (article_channel), so the cost follows the page, not the table.
     */
    List<ArticleCard> newestPerChannel(List<Long> channelIds, int perChannel, Instant now) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < channelIds.size(); i++) {
            parts.add("SELECT id FROM (SELECT id FROM article WHERE channel_id = ? AND status = 'published' AND published_at <= ? "
                    + "ORDER BY published_at DESC, id DESC LIMIT ?) AS c" + i);
            params.add(channelIds.get(i));
            params.add(now.toEpochMilli());
            params.add(perChannel);
        }
        return jdbc.sql("SELECT " + CARD_COLUMNS + " WHERE a.id IN (" + String.join(" UNION ALL ", parts) + ")"
                        + " ORDER BY c.position, c.id, a.published_at DESC, a.id DESC")
                .params(params)
                .query(ArticleRepository::card)
                .list();
    }

    /** Most read among the newest visible articles; ties go to the newer. */
    List<ArticleCard> mostRead(int limit, int amongNewest, Instant now) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " WHERE a.id IN (SELECT id FROM (SELECT id FROM article WHERE status = 'published' "
                        + "AND published_at <= ? ORDER BY published_at DESC, id DESC LIMIT ?) AS newest)"
                        + " ORDER BY a.view_count DESC, a.published_at DESC, a.id DESC LIMIT ?")
                .params(now.toEpochMilli(), amongNewest, limit)
                .query(ArticleRepository::card)
                .list();
    }

    /**
     * One article, complete, in two statements: its row, then its authors, tags and figures together (one
     * UNION ALL, ordered by kind and position), since this runs for every article page rendered.
     */
    Optional<ArticleDetail> detail(long id) {
        Optional<ArticleDetail> base = jdbc.sql("""
                SELECT a.*, c.name AS channel_name, c.slug AS channel_slug, c.position AS channel_position, c.parent_id AS channel_parent,
                       s.name AS source_name, s.homepage AS source_homepage
                FROM article a LEFT JOIN channel c ON c.id = a.channel_id LEFT JOIN source s ON s.id = a.source_id
                WHERE a.id = ?""").param(id).query(ArticleRepository::detailRow).optional();
        if (base.isEmpty()) {
            return base;
        }
        List<String> authors = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        jdbc.sql("""
                SELECT 0 AS kind, position, name AS text, CAST(NULL AS TEXT) AS extra, 0 AS tag_id FROM article_author WHERE article_id = ?
                UNION ALL
                SELECT 1, at.position, t.name, CAST(NULL AS TEXT), t.id FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = ?
                UNION ALL
                SELECT 2, position, url, caption, 0 FROM article_figure WHERE article_id = ?
                ORDER BY 1, 2""")
                .params(id, id, id)
                .query(rs -> {
                    switch (rs.getInt(1)) {
                        case 0 -> authors.add(rs.getString(3));
                        case 1 -> tags.add(new Tag(rs.getLong(5), rs.getString(3)));
                        default -> figures.add(new Figure(rs.getString(3), rs.getString(4)));
                    }
                });
        ArticleDetail a = base.get();
        return Optional.of(new ArticleDetail(a.id(), a.title(), a.subtitle(), a.bodyHtml(), a.summary(), a.leadText(), a.status(),
                a.publishedAt(), a.createdAt(), a.updatedAt(), a.originalUrl(), a.source(), a.channel(),
                List.copyOf(authors), List.copyOf(tags), a.coverImage(), List.copyOf(figures), a.viewCount()));
    }

    /** Adds the views counted per article id, in one transaction and one prepared statement. */
    @Transactional
    void addViews(Map<Long, Long> views) {
        List<Map.Entry<Long, Long>> rows = List.copyOf(views.entrySet());
        jdbcTemplate.batchUpdate("UPDATE article SET view_count = view_count + ? WHERE id = ?", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                statement.setLong(1, rows.get(i).getValue());
                statement.setLong(2, rows.get(i).getKey());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    long count(ArticleFilter filter, Instant now) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT COUNT(*) FROM article a" + where(filter, now, params)).params(params).query(Long.class).single();
    }

    private static String where(ArticleFilter f, Instant now, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.publicOnly()) {
            clauses.add("a.status = 'published' AND a.published_at <= ?");
            params.add(now.toEpochMilli());
        }
        if (f.status() != null) {
            clauses.add("a.status = ?");
            params.add(f.status().code());
        }
        if (f.channelId() != null) {
            clauses.add("a.channel_id = ?");
            params.add(f.channelId());
        }
        if (f.sourceId() != null) {
            clauses.add("a.source_id = ?");
            params.add(f.sourceId());
        }
        if (f.tagId() != null) {
            clauses.add("a.id IN (SELECT article_id FROM article_tag WHERE tag_id = ?)");
            params.add(f.tagId());
        }
        if (f.author() != null) {
            clauses.add("a.id IN (SELECT article_id FROM article_author WHERE name = ?)");
            params.add(f.author());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    static ArticleCard card(ResultSet rs, int n) throws SQLException {
        return new ArticleCard(
                rs.getLong("id"),
                rs.getString("title"),
                excerptSource(rs.getString("summary"), rs.getString("lead_text")),
                Instant.ofEpochMilli(rs.getLong("published_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getString("cover_image"),
                nullableLong(rs, "channel_id"),
                rs.getString("channel_name"),
                rs.getString("channel_slug"),
                nullableLong(rs, "source_id"),
                rs.getString("source_name"));
    }

    private static ArticleDetail detailRow(ResultSet rs, int n) throws SQLException {
        Long channelId = nullableLong(rs, "channel_id");
        Long sourceId = nullableLong(rs, "source_id");
        Long parent = nullableLong(rs, "channel_parent");
        return new ArticleDetail(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("subtitle"),
                rs.getString("body_html"),
                rs.getString("summary"),
                rs.getString("lead_text"),
                ArticleStatus.fromCode(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("published_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getString("original_url"),
                sourceId == null ? null : new Source(sourceId, rs.getString("source_name"), rs.getString("source_homepage")),
                channelId == null ? null : new Channel(channelId, rs.getString("channel_name"), rs.getString("channel_slug"), rs.getInt("channel_position"), parent),
                List.of(),
                List.of(),
                rs.getString("cover_image"),
                List.of(),
                rs.getLong("view_count"));
    }

    private static String excerptSource(String summary, String lead) {
        return summary != null && !summary.isBlank() ? summary : lead;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String DETAIL_COLUMNS = """
            a.*, c.name AS channel_name, c.slug AS channel_slug, c.position AS channel_position, c.parent_id AS channel_parent,
            s.name AS source_name, s.homepage AS source_homepage
            FROM article a LEFT JOIN channel c ON c.id = a.channel_id LEFT JOIN source s ON s.id = a.source_id""";

    /**
     * The newest {@code limit} articles of the filter with all their children, in four statements
     * whatever the limit: the articles, then authors, tags and figures of all of them at once.
     */
    List<ArticleDetail> newestDetails(ArticleFilter filter, int limit, Instant now) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, now, params);
        params.add(limit);
        List<ArticleDetail> bases = jdbc.sql("SELECT " + DETAIL_COLUMNS + where + " ORDER BY a.published_at DESC, a.id DESC LIMIT ?")
                .params(params)
                .query(ArticleRepository::detailRow)
                .list();
        if (bases.isEmpty()) {
            return List.of();
        }
        List<Object> ids = bases.stream().<Object>map(ArticleDetail::id).toList();
        String in = " IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        java.util.Map<Long, List<String>> authors = new java.util.HashMap<>();
        jdbc.sql("SELECT article_id, name FROM article_author WHERE article_id" + in + " ORDER BY article_id, position").params(ids)
                .query((rs, n) -> authors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        java.util.Map<Long, List<Tag>> tags = new java.util.HashMap<>();
        jdbc.sql("SELECT at.article_id, t.id, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id" + in
                        + " ORDER BY at.article_id, at.position").params(ids)
                .query((rs, n) -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Tag(rs.getLong(2), rs.getString(3))))
                .list();
        java.util.Map<Long, List<Figure>> figures = new java.util.HashMap<>();
        jdbc.sql("SELECT article_id, url, caption FROM article_figure WHERE article_id" + in + " ORDER BY article_id, position").params(ids)
                .query((rs, n) -> figures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Figure(rs.getString(2), rs.getString(3))))
                .list();
        return bases.stream().map(a -> new ArticleDetail(a.id(), a.title(), a.subtitle(), a.bodyHtml(), a.summary(), a.leadText(), a.status(),
                a.publishedAt(), a.createdAt(), a.updatedAt(), a.originalUrl(), a.source(), a.channel(),
                List.copyOf(authors.getOrDefault(a.id(), List.of())), List.copyOf(tags.getOrDefault(a.id(), List.of())), a.coverImage(),
                List.copyOf(figures.getOrDefault(a.id(), List.of())), a.viewCount())).toList();
    }

    // Sitemaps. The visibility test of the id-range reads sits inside CASE, not in WHERE: with it in
    // WHERE, SQLite walks the (status, published_at) index and fetches every published row to test
    // the id (225 ms for 50,000 ids of 1,000,000, against 40 ms on the primary key, measured).

    private static final String VISIBLE_NOW = "status = 'published' AND published_at <= ?";

    long maxId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM article").query(Long.class).single();
    }

    ArticleScans.VisibleSummary visibleSummary(long firstId, long lastId, Instant now) {
        long t = now.toEpochMilli();
        return jdbc.sql("SELECT SUM(CASE WHEN " + VISIBLE_NOW + " THEN 1 ELSE 0 END), MAX(CASE WHEN " + VISIBLE_NOW + " THEN updated_at END), "
                        + "MAX(CASE WHEN " + VISIBLE_NOW + " THEN published_at END), SUM(CASE WHEN " + VISIBLE_NOW + " THEN id ELSE 0 END) "
                        + "FROM article WHERE id >= ? AND id <= ?")
                .params(t, t, t, t, firstId, lastId)
                .query((rs, n) -> new ArticleScans.VisibleSummary(rs.getLong(1), nullableInstant(rs, 2), nullableInstant(rs, 3), rs.getLong(4)))
                .single();
    }

    /**
     * Up to {@code limit} articles with {@code afterId < id <= lastId} in id order, visible or not (so
     * the caller can page past hidden ones); the visible ones go to {@code visible}.
     *
     * @return the last id read, or {@code afterId} when there was none
     */
    long scanIdRange(long afterId, long lastId, int limit, Instant now, java.util.function.Consumer<ArticleScans.Stamp> visible) {
        long[] lastSeen = {afterId};
        jdbc.sql("SELECT id, updated_at, CASE WHEN " + VISIBLE_NOW + " THEN 1 ELSE 0 END FROM article WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")
                .params(now.toEpochMilli(), afterId, lastId, limit)
                .withFetchSize(limit)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    lastSeen[0] = rs.getLong(1);
                    if (rs.getInt(3) == 1) {
                        visible.accept(new ArticleScans.Stamp(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2))));
                    }
                });
        return lastSeen[0];
    }

    List<ArticleCard> visibleSince(Instant since, int limit, Instant now) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " WHERE a.status = 'published' AND a.published_at <= ? AND a.published_at >= ?"
                        + " ORDER BY a.published_at DESC, a.id DESC LIMIT ?")
                .params(now.toEpochMilli(), since.toEpochMilli(), limit)
                .query(ArticleRepository::card)
                .list();
    }

    /**
     * Channel, source and tag pages with a visible article. One pass over the article table in
     * windows of {@value #LIST_SCAN_WINDOW} ids (each a primary-key range joined to article_tag's
     * primary key) keeps the newest update per channel, source and tag in arrays indexed by their id;
     * then the three small tables are read in their order. A GROUP BY per kind instead fetches the
     * article row of every (channel, source or tag, article) pair through an index: pages.xml of
     * 1,000,000 articles took 17 s that way and takes 3 s this way (bench/README.md).
     */
    void listPages(int limit, Instant now, java.util.function.Consumer<ArticleScans.ListStamp> each) {
        if (limit <= 0) {
            return;
        }
        long[] channelNewest = newestById("channel");
        long[] sourceNewest = newestById("source");
        long[] tagNewest = newestById("tag");
        long maxId = maxId();
        for (long first = 1; first <= maxId; first += LIST_SCAN_WINDOW) {
            jdbc.sql("SELECT a.channel_id, a.source_id, a.updated_at, x.tag_id FROM article a LEFT JOIN article_tag x ON x.article_id = a.id"
                            + " WHERE a.id >= ? AND a.id <= ? AND CASE WHEN a.status = 'published' AND a.published_at <= ? THEN 1 ELSE 0 END = 1")
                    .params(first, first + LIST_SCAN_WINDOW - 1, now.toEpochMilli())
                    .withFetchSize(LIST_SCAN_WINDOW)
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        long updated = rs.getLong(3);
                        raise(channelNewest, rs, 1, updated);
                        raise(sourceNewest, rs, 2, updated);
                        raise(tagNewest, rs, 4, updated);
                    });
        }
        int[] left = {limit};
        listed("SELECT id, name, slug FROM channel ORDER BY position, id", channelNewest, left, each,
                (rs, n) -> new Channel(rs.getLong(1), rs.getString(2), rs.getString(3), 0, null).url());
        listed("SELECT id, name FROM source ORDER BY id", sourceNewest, left, each, (rs, n) -> new Source(rs.getLong(1), rs.getString(2), null).url());
        listed("SELECT id, name FROM tag ORDER BY id DESC", tagNewest, left, each, (rs, n) -> new Tag(rs.getLong(1), rs.getString(2)).url());
    }

    /** Hands over the rows of {@code sql} (id first) that have a visible article, while {@code left} allows. */
    private void listed(String sql, long[] newestById, int[] left, java.util.function.Consumer<ArticleScans.ListStamp> each,
            org.springframework.jdbc.core.RowMapper<String> url) {
        jdbc.sql(sql).withFetchSize(1000).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            long id = rs.getLong(1);
            long newest = id >= 0 && id < newestById.length ? newestById[(int) id] : Long.MIN_VALUE;
            if (left[0] > 0 && newest != Long.MIN_VALUE) {
                left[0]--;
                each.accept(new ArticleScans.ListStamp(url.mapRow(rs, 0), Instant.ofEpochMilli(newest)));
            }
        });
    }

    /** Article ids one statement of {@link #listPages} covers. */
    static final int LIST_SCAN_WINDOW = 10_000;

    /** One slot per id of the table (8 bytes each), Long.MIN_VALUE for "no visible article". */
    private long[] newestById(String table) {
        long maxId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + table).query(Long.class).single();
        long[] newest = new long[Math.toIntExact(maxId + 1)];
        java.util.Arrays.fill(newest, Long.MIN_VALUE);
        return newest;
    }

    private static void raise(long[] newest, ResultSet rs, int column, long updated) throws SQLException {
        long id = rs.getLong(column);
        if (!rs.wasNull() && id >= 0 && id < newest.length && updated > newest[(int) id]) {
            newest[(int) id] = updated;
        }
    }

    private static Instant nullableInstant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    // Reading every article, for derived stores (ArticleSnapshots). Keyset paging: one short
    // statement per batch, the same SQL on SQLite and PostgreSQL. The checksum and the versions are
    // answered from the (status, id, updated_at) index alone (V3), without reading a row.

    ArticleChecksum checksum() {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(id), 0), COALESCE(SUM(updated_at), 0), COALESCE(SUM(id * "
                        + ArticleChecksum.statusWeightSql() + "), 0) FROM article")
                .query((rs, n) -> new ArticleChecksum(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** The smallest status code after {@code after} (the first one when null), or null when there is none. */
    String nextStatus(String after) {
        // MIN over no rows is one row holding NULL.
        List<String> min = after == null
                ? jdbc.sql("SELECT MIN(status) FROM article").query(String.class).list()
                : jdbc.sql("SELECT MIN(status) FROM article WHERE status > ?").param(after).query(String.class).list();
        return min.isEmpty() ? null : min.getFirst();
    }

    List<ArticleVersion> versionsAfter(String status, long afterId, int limit) {
        return jdbc.sql("SELECT id, updated_at, status FROM article WHERE status = ? AND id > ? ORDER BY id LIMIT ?")
                .params(status, afterId, limit)
                .query((rs, n) -> new ArticleVersion(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)))
                .list();
    }

    /** Up to {@code limit} articles with ids above {@code afterId}, complete, in four statements. */
    List<ArticleDetail> detailsAfter(long afterId, int limit) {
        List<ArticleDetail> rows = jdbc.sql("""
                SELECT a.*, c.name AS channel_name, c.slug AS channel_slug, c.position AS channel_position, c.parent_id AS channel_parent,
                       s.name AS source_name, s.homepage AS source_homepage
                FROM article a LEFT JOIN channel c ON c.id = a.channel_id LEFT JOIN source s ON s.id = a.source_id
                WHERE a.id > ? ORDER BY a.id LIMIT ?""")
                .params(afterId, limit)
                .query(ArticleRepository::detailRow)
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        return withChildren(rows, column -> column + " > ? AND " + column + " <= ?", List.of(afterId, rows.getLast().id()));
    }

    /** The articles among {@code ids} (at most a few hundred), complete, in four statements; ids that do not exist are left out. */
    List<ArticleDetail> details(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = List.copyOf(ids);
        String in = " IN (" + String.join(", ", java.util.Collections.nCopies(params.size(), "?")) + ")";
        List<ArticleDetail> rows = jdbc.sql("""
                SELECT a.*, c.name AS channel_name, c.slug AS channel_slug, c.position AS channel_position, c.parent_id AS channel_parent,
                       s.name AS source_name, s.homepage AS source_homepage
                FROM article a LEFT JOIN channel c ON c.id = a.channel_id LEFT JOIN source s ON s.id = a.source_id
                WHERE a.id""" + in + " ORDER BY a.id")
                .params(params)
                .query(ArticleRepository::detailRow)
                .list();
        return rows.isEmpty() ? rows : withChildren(rows, column -> column + in, params);
    }

    /** The rows with their authors, tags and figures, read in one statement each for all of them. */
    private List<ArticleDetail> withChildren(List<ArticleDetail> rows, java.util.function.UnaryOperator<String> articleIdIs, List<Object> params) {
        java.util.Map<Long, List<String>> authors = new java.util.HashMap<>();
        jdbc.sql("SELECT article_id, name FROM article_author WHERE " + articleIdIs.apply("article_id") + " ORDER BY article_id, position")
                .params(params)
                .query(rs -> {
                    authors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        java.util.Map<Long, List<Tag>> tags = new java.util.HashMap<>();
        jdbc.sql("SELECT at.article_id, t.id, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id "
                        + "WHERE " + articleIdIs.apply("at.article_id") + " ORDER BY at.article_id, at.position")
                .params(params)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Tag(rs.getLong(2), rs.getString(3)));
                });
        java.util.Map<Long, List<Figure>> figures = new java.util.HashMap<>();
        jdbc.sql("SELECT article_id, url, caption FROM article_figure WHERE " + articleIdIs.apply("article_id") + " ORDER BY article_id, position")
                .params(params)
                .query(rs -> {
                    figures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Figure(rs.getString(2), rs.getString(3)));
                });
        return rows.stream().map(a -> new ArticleDetail(a.id(), a.title(), a.subtitle(), a.bodyHtml(), a.summary(), a.leadText(), a.status(),
                a.publishedAt(), a.createdAt(), a.updatedAt(), a.originalUrl(), a.source(), a.channel(),
                List.copyOf(authors.getOrDefault(a.id(), List.of())), List.copyOf(tags.getOrDefault(a.id(), List.of())), a.coverImage(),
                List.copyOf(figures.getOrDefault(a.id(), List.of())), a.viewCount())).toList();
    }

    /** The visible articles among {@code ids}, as cards, in one statement (no order). */
    List<ArticleCard> visibleCards(java.util.Collection<Long> ids, Instant now) {
        List<Object> params = new ArrayList<>(ids);
        params.add(now.toEpochMilli());
        return jdbc.sql("SELECT " + CARD_COLUMNS + " WHERE a.id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")"
                        + " AND a.status = 'published' AND a.published_at <= ?")
                .params(params)
                .query(ArticleRepository::card)
                .list();
    }
}
