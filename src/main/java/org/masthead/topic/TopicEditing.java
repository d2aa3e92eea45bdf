package org.masthead.topic;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.masthead.article.ArticleLookup;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors make topics and gather articles in them: add, remove, move up or down, put under a section.
 * Every change publishes {@link TopicChanged} so the page cache drops the topic's page (and the topic list).
 */
@Service
public class TopicEditing {

    /** The most articles one topic holds. */
    public static final int MAX_ARTICLES = 500;
    /** A slug is one path segment: no slash, query, fragment, percent sign or space. */
    private static final Pattern SLUG = Pattern.compile("[^/?#%\\s\\\\]{1,80}");

    private final TopicRepository topics;
    private final ArticleLookup articles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TopicEditing(TopicRepository topics, ArticleLookup articles, ApplicationEventPublisher events, Clock clock) {
        this.topics = topics;
        this.articles = articles;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long create(TopicDraft draft) {
        TopicDraft d = checked(draft, -1);
        long id = topics.insert(d, clock.instant());
        events.publishEvent(new TopicChanged(Set.of(d.slug())));
        return id;
    }

    @Transactional
    public void update(long id, TopicDraft draft) {
        Topic before = existing(id);
        TopicDraft d = checked(draft, id);
        topics.update(id, before.slug(), d, clock.instant());
        events.publishEvent(new TopicChanged(Set.of(before.slug(), d.slug())));
    }

    /**
     * Adds articles at the end, under {@code section} (blank for none), in the order given; articles already
     * in the topic stay where they are. Unknown ids are refused and nothing is added.
     */
    @Transactional
    public void addArticles(long id, List<Long> articleIds, String section) {
        Topic topic = existing(id);
        if (articleIds.isEmpty()) {
            throw new TopicRefused("topic.error.noArticles");
        }
        for (long articleId : articleIds) {
            if (articles.any(articleId).isEmpty()) {
                throw new TopicRefused("topic.error.noSuchArticle", String.valueOf(articleId));
            }
        }
        List<TopicEntry> entries = new ArrayList<>(topics.entries(id));
        Set<Long> present = new HashSet<>(entries.stream().map(TopicEntry::articleId).toList());
        String heading = section(section);
        for (long articleId : articleIds) {
            if (present.add(articleId)) {
                entries.add(new TopicEntry(articleId, entries.size(), heading));
            }
        }
        if (entries.size() > MAX_ARTICLES) {
            throw new TopicRefused("topic.error.tooMany", MAX_ARTICLES);
        }
        save(topic, entries);
    }

    @Transactional
    public void removeArticle(long id, long articleId) {
        Topic topic = existing(id);
        List<TopicEntry> entries = new ArrayList<>(topics.entries(id));
        if (!entries.removeIf(e -> e.articleId() == articleId)) {
            throw new TopicRefused("topic.error.notInTopic", String.valueOf(articleId));
        }
        save(topic, entries);
    }

    /** Moves an article one place up ({@code by} −1) or down (+1); at either end it stays. */
    @Transactional
    public void moveArticle(long id, long articleId, int by) {
        Topic topic = existing(id);
        List<TopicEntry> entries = new ArrayList<>(topics.entries(id));
        int at = indexOf(entries, articleId);
        int to = Math.max(0, Math.min(entries.size() - 1, at + Integer.signum(by)));
        if (to != at) {
            entries.add(to, entries.remove(at));
            save(topic, entries);
        }
    }

    /** Puts an article under a section heading (blank: none). */
    @Transactional
    public void setSection(long id, long articleId, String section) {
        Topic topic = existing(id);
        List<TopicEntry> entries = new ArrayList<>(topics.entries(id));
        int at = indexOf(entries, articleId);
        TopicEntry e = entries.get(at);
        entries.set(at, new TopicEntry(e.articleId(), e.position(), section(section)));
        save(topic, entries);
    }

    private void save(Topic topic, List<TopicEntry> entries) {
        topics.replaceEntries(topic.id(), entries);
        topics.touch(topic.id(), clock.instant());
        events.publishEvent(new TopicChanged(Set.of(topic.slug())));
    }

    private static int indexOf(List<TopicEntry> entries, long articleId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).articleId() == articleId) {
                return i;
            }
        }
        throw new TopicRefused("topic.error.notInTopic", String.valueOf(articleId));
    }

    private Topic existing(long id) {
        return topics.byId(id).orElseThrow(() -> new TopicRefused("topic.error.missing", String.valueOf(id)));
    }

    private TopicDraft checked(TopicDraft d, long id) {
        String slug = d.slug() == null ? "" : d.slug().strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            throw new TopicRefused("topic.error.slug", slug);
        }
        if (topics.slugTaken(slug, id)) {
            throw new TopicRefused("topic.error.slugTaken", slug);
        }
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new TopicRefused("topic.error.title");
        }
        String summary = d.summary() == null ? "" : d.summary().strip();
        if (summary.length() > 2000) {
            throw new TopicRefused("topic.error.summary", 2000);
        }
        return new TopicDraft(slug, title, summary, cover(d.coverImage()));
    }

    private static String section(String section) {
        String s = section == null ? "" : section.strip();
        if (s.length() > 100) {
            throw new TopicRefused("topic.error.section", 100);
        }
        return s.isEmpty() ? null : s;
    }

    /** An http(s) address or a path on this site; null when blank. */
    private static String cover(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip();
        if (url.length() <= 2000 && url.matches("/(?![/\\\\])\\S*")) {
            return url;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() <= 2000 && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new TopicRefused("topic.error.cover", url);
    }
}
