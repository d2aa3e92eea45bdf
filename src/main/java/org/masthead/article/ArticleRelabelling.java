package org.masthead.article;

import java.time.Clock;
import java.util.List;
import org.masthead.channel.Channel;
import org.masthead.channel.ChannelEditing;
import org.masthead.channel.Channels;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.Refusal;
import org.masthead.tag.Tag;
import org.masthead.tag.TagEditing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taxonomy changes that reach into articles: a channel renamed or deleted (its articles moved), tags
 * renamed, merged or deleted, bylines renamed or merged. Each runs in one transaction with the
 * channel or tag module's own change and ends with {@link ArticlesRelabelled} for the articles whose
 * labels changed, so their pages, lists and search entries follow. The articles' own content, revisions
 * and times are not touched: their text did not change, only the names they are filed under.
 */
@Service
public class ArticleRelabelling {

    public static final int MAX_BYLINE = 60;

    private final JdbcClient jdbc;
    private final Channels channels;
    private final ChannelEditing channelEditing;
    private final TagEditing tagEditing;
    private final AdminAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleRelabelling(JdbcClient jdbc, Channels channels, ChannelEditing channelEditing, TagEditing tagEditing, AdminAudit audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.channelEditing = channelEditing;
        this.tagEditing = tagEditing;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Renames a channel, changes its slug or parent; a new name or slug relabels its articles. */
    @Transactional
    public Channel editChannel(AdminAudit.By by, long id, String name, String slug, Long parentId) {
        ChannelEditing.Edited edited = channelEditing.edit(by, id, name, slug, parentId);
        if (edited.labelChanged()) {
            relabelled(ids("SELECT id FROM article WHERE channel_id = ?", id));
        }
        return edited.after();
    }

    /**
     * Deletes a channel. One that articles are filed in is refused unless {@code moveTo} names another
     * channel, which then receives them; one with child channels is always refused (move them first).
     */
    @Transactional
    public void deleteChannel(AdminAudit.By by, long id, Long moveTo) {
        Channel channel = channels.byId(id).orElseThrow(() -> new Refusal("channel.error.notFound", String.valueOf(id)));
        List<Long> articles = ids("SELECT id FROM article WHERE channel_id = ?", id);
        if (!articles.isEmpty()) {
            if (moveTo == null) {
                throw new Refusal("channel.error.hasArticles", channel.name(), articles.size());
            }
            Channel target = channels.byId(moveTo).orElseThrow(() -> new Refusal("channel.error.notFound", String.valueOf(moveTo)));
            if (target.id() == id) {
                throw new Refusal("channel.error.moveToSelf", channel.name());
            }
            jdbc.sql("UPDATE article SET channel_id = ? WHERE channel_id = ?").params(target.id(), id).update();
            audit.record(by, "channel.moveArticles", channel.name() + " → " + target.name(), articles.size() + " articles");
        }
        channelEditing.delete(by, id);
        relabelled(articles);
    }

    /** Renames a tag (its old name answers 301 and stays an alias). */
    @Transactional
    public Tag renameTag(AdminAudit.By by, long id, String name) {
        Tag tag = tagEditing.rename(by, id, name);
        relabelled(ids("SELECT article_id FROM article_tag WHERE tag_id = ?", id));
        return tag;
    }

    /**
     * Merges tag {@code fromId} into {@code intoId}: its articles get the other tag (an article with both
     * keeps one, at the better of the two positions), and the old tag's address answers 301.
     */
    @Transactional
    public Tag mergeTags(AdminAudit.By by, long fromId, long intoId) {
        Tag from = tagEditing.existing(fromId);
        Tag into = tagEditing.existing(intoId);
        if (fromId == intoId) {
            throw new Refusal("tag.error.mergeSelf", from.name());
        }
        List<Long> articles = ids("SELECT article_id FROM article_tag WHERE tag_id = ?", fromId);
        // An article with both: keep the earlier position on the surviving row, then drop the other.
        jdbc.sql("""
                UPDATE article_tag SET position = (SELECT MIN(y.position) FROM article_tag y WHERE y.article_id = article_tag.article_id AND y.tag_id IN (?, ?))
                WHERE tag_id = ? AND article_id IN (SELECT article_id FROM article_tag WHERE tag_id = ?)""")
                .params(fromId, intoId, intoId, fromId)
                .update();
        jdbc.sql("DELETE FROM article_tag WHERE tag_id = ? AND article_id IN (SELECT article_id FROM article_tag WHERE tag_id = ?)")
                .params(fromId, intoId)
                .update();
        jdbc.sql("UPDATE article_tag SET tag_id = ? WHERE tag_id = ?").params(intoId, fromId).update();
        tagEditing.merge(by, fromId, intoId, articles.size());
        relabelled(articles);
        return into;
    }

    /** Deletes a tag no article carries; one in use is refused with the count (merge it instead). */
    @Transactional
    public void deleteTag(AdminAudit.By by, long id) {
        Tag tag = tagEditing.existing(id);
        long used = jdbc.sql("SELECT COUNT(*) FROM article_tag WHERE tag_id = ?").param(id).query(Long.class).single();
        if (used > 0) {
            throw new Refusal("tag.error.inUse", tag.name(), used);
        }
        tagEditing.delete(by, id);
    }

    /**
     * Renames byline {@code from} to {@code to} on every article; when {@code to} is already a byline this
     * merges them (an article with both keeps one). {@code /author/from} then answers 301 to the new name.
     * Answers how many articles changed.
     */
    @Transactional
    public int renameByline(AdminAudit.By by, String from, String to) {
        String old = from == null ? "" : from.strip();
        String name = to == null ? "" : to.strip();
        if (name.isEmpty() || name.length() > MAX_BYLINE) {
            throw new Refusal("byline.error.name", MAX_BYLINE);
        }
        List<Long> articles = ids("SELECT DISTINCT article_id FROM article_author WHERE name = ?", old);
        if (articles.isEmpty()) {
            throw new Refusal("byline.error.notFound", old);
        }
        if (old.equals(name)) {
            return 0;
        }
        boolean merge = jdbc.sql("SELECT COUNT(*) FROM article_author WHERE name = ?").param(name).query(Long.class).single() > 0;
        jdbc.sql("DELETE FROM article_author WHERE name = ? AND article_id IN (SELECT article_id FROM article_author WHERE name = ?)")
                .params(old, name)
                .update();
        jdbc.sql("UPDATE article_author SET name = ? WHERE name = ?").params(name, old).update();
        // Old names that pointed at the old name now point at the new one; the new name is nobody's old name.
        jdbc.sql("UPDATE byline_alias SET current_name = ? WHERE current_name = ?").params(name, old).update();
        jdbc.sql("DELETE FROM byline_alias WHERE name = ?").param(name).update();
        jdbc.sql("INSERT INTO byline_alias (name, current_name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET current_name = excluded.current_name")
                .params(old, name, clock.millis())
                .update();
        audit.record(by, merge ? "byline.merge" : "byline.rename", old + " → " + name, articles.size() + " articles");
        relabelled(articles);
        return articles.size();
    }

    private List<Long> ids(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).list();
    }

    private void relabelled(List<Long> articles) {
        if (!articles.isEmpty()) {
            events.publishEvent(new ArticlesRelabelled(articles, clock.instant()));
        }
    }
}
