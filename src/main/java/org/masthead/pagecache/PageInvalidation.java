package org.masthead.pagecache;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.masthead.ads.AdSlotChanged;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticlePublished;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleLookup;
import org.masthead.article.ArticleWithdrawn;
import org.masthead.article.FrontLists;
import org.masthead.channel.Channel;
import org.masthead.channel.Channels;
import org.masthead.setting.SiteSettingsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops exactly the kept pages a change affects, after the change has committed (so the next render reads
 * it). One method per kind of change; an event only has to be mapped onto one of them:
 *
 * <ul>
 *   <li>an article joins or leaves what readers see (published, withdrawn, its scheduled time came):
 *       {@link #articleMoved} drops its page, every page linking to it, every list it is or was in, the
 *       site-wide newest lists (home, /latest, site feeds, the side list of every article page) and the sitemaps;
 *   <li>a visible article changed: {@link #articleChanged} drops its page and every page linking to it, and
 *       its lists too when its channel, tags, source, authors or time changed (or are not known);
 *   <li>settings: everything; ads: every HTML page;
 *   <li>the channel navigation or the most-read list changed (found by {@link #watch}): every HTML page.
 * </ul>
 *
 * A withdrawal (unpublish, archive, delete) is an {@code articleMoved} too: the article leaves its lists.
 */
final class PageInvalidation {

    private static final Logger log = LoggerFactory.getLogger(PageInvalidation.class);
    /** The most-read list as the pages show it (home, listings and article pages all show ten). */
    static final int HEADLINES = 10;
    /** Listings remembered at most (about 200 bytes each); an article forgotten is treated as unknown, which drops more, never less. */
    static final int KNOWN = 50_000;

    /** Where an article is listed: what, if it changes, moves it between lists or within them. */
    record Listing(Set<String> lists, Instant publishedAt, boolean visible) {}

    private final PageStore store;
    private final ArticleLists articles;
    private final FrontLists front;
    private final ArticleLookup lookup;
    private final Channels channels;
    private final Clock clock;
    /** The last known listing of each article an event or a watch has seen since start. */
    private final Map<Long, Listing> known = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(KNOWN)
            .<Long, Listing>build()
            .asMap();
    private volatile List<Long> headlines;
    private volatile List<Channel> navigation;
    private volatile Instant watchedUpTo;

    PageInvalidation(PageStore store, ArticleLists articles, FrontLists front, ArticleLookup lookup, Channels channels, Clock clock) {
        this.store = store;
        this.articles = articles;
        this.front = front;
        this.lookup = lookup;
        this.channels = channels;
        this.clock = clock;
        this.watchedUpTo = clock.instant();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticlePublished event) {
        articleMoved(event.articleId());
    }

    /** Unpublished, archived or deleted: it leaves every list, like a publication joins them. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticleWithdrawn event) {
        articleMoved(event.articleId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticleChanged event) {
        articleChanged(event.articleId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteSettingsChanged event) {
        store.dropAll();
        log.debug("settings changed: every page dropped");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AdSlotChanged event) {
        drop(Set.of(PageTags.HTML), "ad slot " + event.slot());
    }

    void articleMoved(long id) {
        // The in-memory side lists first (FrontLists drops them itself too, but listener order is not this
        // class's to rely on): a page rendered after the drop below must not show the lists from before.
        front.drop();
        Set<String> tags = new HashSet<>(Set.of(PageTags.article(id), PageTags.ALL_ARTICLES, PageTags.SITEMAPS));
        Listing before = known.get(id);
        Listing now = listing(id);
        // Joining: it was in no list readers see. Leaving: it is still filed where it was listed. So its
        // listing now names the lists either way; the remembered one adds any it was in before a move.
        if (before != null) {
            tags.addAll(before.lists());
        }
        tags.addAll(now.lists());
        drop(tags, "article " + id + " joined or left");
        watch();
    }

    void articleChanged(long id) {
        front.drop();
        Set<String> tags = new HashSet<>(Set.of(PageTags.article(id), PageTags.SITEMAPS));
        Listing before = known.get(id);
        Listing now = listing(id);
        if (before == null) {
            // Not seen since start: its lists may have changed without our knowing which were its old ones.
            tags.add(PageTags.LISTS);
            tags.add(PageTags.ALL_ARTICLES);
        } else if (!before.equals(now)) {
            tags.addAll(before.lists());
            tags.addAll(now.lists());
            tags.add(PageTags.ALL_ARTICLES);
        }
        drop(tags, "article " + id + " changed");
        watch();
    }

    /**
     * Finds the changes that come without an event: scheduled articles whose time has come (they join
     * the lists like a publication), a reordered most-read list (page views are counted in batches) and a
     * changed channel list (a new channel appears in every page's navigation).
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${masthead.page-cache.watch-interval:2s}")
    synchronized void watch() {
        Instant now = clock.instant();
        Instant from = watchedUpTo;
        watchedUpTo = now;
        // Read before any drop below, and after 'now': the held lists then include every article this
        // round finds reaching its time, and the most-read list compared is the one pages will show.
        FrontLists.Snapshot lists = front.refresh();
        {
            for (ArticleCard card : articles.visibleSince(from, ArticleLists.MAX_PAGE_SIZE)) {
                Listing seen = known.get(card.id());
                if (seen == null || !seen.visible()) {
                    Set<String> tags = new HashSet<>(Set.of(PageTags.article(card.id()), PageTags.ALL_ARTICLES, PageTags.SITEMAPS));
                    Listing listing = listing(card.id());
                    tags.addAll(listing.lists());
                    drop(tags, "article " + card.id() + " reached its publication time");
                }
            }
        }
        List<Long> mostRead = lists.mostRead().stream().limit(HEADLINES).map(ArticleCard::id).toList();
        List<Channel> channelList = channels.all();
        if (headlines != null && !headlines.equals(mostRead)) {
            drop(Set.of(PageTags.HTML), "most-read list reordered");
        }
        if (navigation != null && !navigation.equals(channelList)) {
            store.dropAll(); // navigation, channel names in feeds and the pages sitemap
            log.debug("channels changed: every page dropped");
        }
        headlines = mostRead;
        navigation = channelList;
    }

    /** Reads where an article is listed now and remembers it for the next change. */
    private Listing listing(long id) {
        Optional<ArticleDetail> detail = lookup.any(id);
        Listing listing = detail.map(a -> new Listing(lists(a), a.publishedAt(), lookup.visible(id).isPresent()))
                .orElse(new Listing(Set.of(), null, false));
        known.put(id, listing);
        return listing;
    }

    static Set<String> lists(ArticleDetail a) {
        Set<String> lists = new HashSet<>();
        if (a.channel() != null) {
            lists.add(PageTags.list("channel", a.channel().slug()));
        }
        if (a.source() != null) {
            lists.add(PageTags.list("source", String.valueOf(a.source().id())));
        }
        a.tags().forEach(t -> lists.add(PageTags.list("tag", t.name())));
        a.authors().forEach(name -> lists.add(PageTags.list("author", name)));
        return Set.copyOf(lists);
    }

    private void drop(Set<String> tags, String why) {
        int dropped = store.drop(tags);
        if (log.isDebugEnabled()) {
            log.debug("{}: {} kept pages dropped ({})", why, dropped, Objects.toString(tags));
        }
    }
}
