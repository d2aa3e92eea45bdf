package org.masthead.ads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Slots, creatives and daily counts: plain SQL for SQLite and PostgreSQL alike. */
@Repository
class AdRepository {

    private static final String CREATIVE_COLUMNS =
            "id, slot_id, kind, title, link_url, image_url, html, weight, starts_at, ends_at, active FROM ad_creative";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AdRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    List<AdSlot> slots() {
        return jdbc.sql("SELECT id, name, placement, width, height, active FROM ad_slot ORDER BY placement, id").query(AdRepository::slot).list();
    }

    List<Creative> creatives() {
        return jdbc.sql("SELECT " + CREATIVE_COLUMNS + " ORDER BY slot_id, id").query(AdRepository::creative).list();
    }

    boolean slotNameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM ad_slot WHERE name = ? AND id <> ?").params(name, exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    long insertSlot(String name, String placement, Integer width, int height, Instant now) {
        return jdbc.sql("INSERT INTO ad_slot (name, placement, width, height, active, created_at) VALUES (?, ?, ?, ?, TRUE, ?) RETURNING id")
                .params(name, placement, width, height, now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    boolean updateSlot(long id, String name, String placement, Integer width, int height) {
        return jdbc.sql("UPDATE ad_slot SET name = ?, placement = ?, width = ?, height = ? WHERE id = ?")
                .params(name, placement, width, height, id).update() == 1;
    }

    boolean setSlotActive(long id, boolean active) {
        return jdbc.sql("UPDATE ad_slot SET active = ? WHERE id = ?").params(active, id).update() == 1;
    }

    long insertCreative(CreativeDraft d, int weight, String html, Instant now) {
        return jdbc.sql("""
                INSERT INTO ad_creative (slot_id, kind, title, link_url, image_url, html, weight, starts_at, ends_at, active, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?) RETURNING id""")
                .params(d.slotId(), d.kind().code(), d.title(), d.linkUrl(), d.imageUrl(), html, weight, millis(d.startsAt()), millis(d.endsAt()),
                        now.toEpochMilli(), now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    boolean updateCreative(long id, CreativeDraft d, int weight, String html, Instant now) {
        return jdbc.sql("""
                UPDATE ad_creative SET slot_id = ?, kind = ?, title = ?, link_url = ?, image_url = ?, html = ?, weight = ?, starts_at = ?, ends_at = ?,
                                       updated_at = ?
                WHERE id = ?""")
                .params(d.slotId(), d.kind().code(), d.title(), d.linkUrl(), d.imageUrl(), html, weight, millis(d.startsAt()), millis(d.endsAt()),
                        now.toEpochMilli(), id)
                .update() == 1;
    }

    boolean setCreativeActive(long id, boolean active, Instant now) {
        return jdbc.sql("UPDATE ad_creative SET active = ?, updated_at = ? WHERE id = ?").params(active, now.toEpochMilli(), id).update() == 1;
    }

    /** Stops every creative of a slot (a quick placement replaces what the slot showed). */
    void stopCreativesOf(long slotId, Instant now) {
        jdbc.sql("UPDATE ad_creative SET active = FALSE, updated_at = ? WHERE slot_id = ? AND active = TRUE").params(now.toEpochMilli(), slotId).update();
    }

    /** Adds the counts to the stored ones, all in one batch: a row per creative and day, created on first use. */
    void addCounts(Map<CountKey, long[]> counts) {
        List<Object[]> rows = counts.entrySet().stream()
                .map(e -> new Object[] {e.getKey().creativeId(), e.getKey().day().toString(), e.getValue()[0], e.getValue()[1]})
                .toList();
        template.batchUpdate("""
                INSERT INTO ad_daily_count (creative_id, day, impressions, clicks) VALUES (?, ?, ?, ?)
                ON CONFLICT (creative_id, day) DO UPDATE SET impressions = ad_daily_count.impressions + excluded.impressions,
                                                             clicks = ad_daily_count.clicks + excluded.clicks""", rows);
    }

    /** Days {@code from} to {@code to} (inclusive), newest first. */
    List<AdDailyCount> daily(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT creative_id, day, impressions, clicks FROM ad_daily_count WHERE day >= ? AND day <= ? ORDER BY day DESC, creative_id")
                .params(from.toString(), to.toString())
                .query((rs, n) -> new AdDailyCount(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** One creative and day a count is kept for. */
    record CountKey(long creativeId, LocalDate day) {}

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static AdSlot slot(ResultSet rs, int n) throws SQLException {
        int width = rs.getInt(4);
        Integer nullableWidth = rs.wasNull() ? null : width;
        return new AdSlot(rs.getLong(1), rs.getString(2), rs.getString(3), nullableWidth, rs.getInt(5), rs.getBoolean(6));
    }

    private static Creative creative(ResultSet rs, int n) throws SQLException {
        return new Creative(rs.getLong(1), rs.getLong(2), CreativeKind.fromCode(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), instant(rs, 9), instant(rs, 10), rs.getBoolean(11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
