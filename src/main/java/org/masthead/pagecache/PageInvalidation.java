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
import org.masthead.ads.AdSlots;
import org.masthead.article.ArticleFlag;
import org.masthead.article.ArticleFlagsChanged;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticlePublished;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleLookup;
import org.masthead.article.ArticleWithdrawn;
import org.masthead.article.ArticlesRelabelled;
import org.masthead.article.FrontLists;
import org.masthead.channel.Channel;
import org.masthead.channel.Channels;
import org.masthead.channel.ChannelsChanged;
import org.masthead.setting.SiteSettingsChanged;
import org.masthead.topic.TopicChanged;
import org.masthead.topic.Topics;
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
 *   <li>settings and channel edits (the navigation of every page): everything; ads: the pages of the kinds that
 *       render the changed placement;
 *   <li>a special topic changed ({@link TopicChanged}): its page, the topic list and the sitemaps;
 *   <li>tags or bylines renamed or merged ({@link ArticlesRelabelled}): the pages of those articles, every
 *       page linking to them and every list (an old tag's address must answer its 301, not a kept page);
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
    /** More relabelled articles than this drop everything: most kept pages would go anyway, and the tag set stays small. */
    static final int RELABELLED_ONE_BY_ONE = 2_000;

    /** Where an article is listed: what, if it changes, moves it between lists or within them. */
    record Listing(Set<String> lists, Instant publishedAt, boolean visible) {}

    private final PageStore store;
    private final ArticleLists articles;
    private final FrontLists front;
    private final ArticleLookup lookup;
    private final Channels channels;
    private final Clock clock;
    private final Topics topics;
    /** The last known listing of each article an event or a watch has seen since start. */
    private final Map<Long, Listing> known = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(KNOWN)
            .<Long, Listing>build()
            .asMap();
    private volatile List<Long> headlines;
    private volatile List<Channel> navigation;
    private volatile Instant watchedUpTo;

    PageInvalidation(PageStore store, ArticleLists articles, FrontLists front, ArticleLookup lookup, Channels channels, Topics topics, Clock clock) {
        this.topics = topics;
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
    void on(ChannelsChanged event) {
        store.dropAll(); // the navigation of every page, channel names in feeds and cards, the pages sitemap
        log.debug("channel {} changed: every page dropped", event.channelId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticlesRelabelled event) {
        if (event.articleIds().size() > RELABELLED_ONE_BY_ONE) {
            event.articleIds().forEach(known::remove);
            store.dropAll();
            return;
        }
        Set<String> tags = new HashSet<>(Set.of(PageTags.LISTS, PageTags.ALL_ARTICLES, PageTags.SITEMAPS));
        for (long id : event.articleIds()) {
            known.remove(id); // its lists have new names: the next change reads them afresh
            tags.add(PageTags.article(id));
        }
        drop(tags, event.articleIds().size() + " articles relabelled");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AdSlotChanged event) {
        drop(pagesShowing(event.placement()), "ad placement " + event.placement());
    }

    /**
     * A flag changed: the home page lists headlines and recommended articles, the article's channel pages
     * its pinned and recommended ones. An article readers cannot see is in none of those lists.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticleFlagsChanged event) {
        Optional<ArticleDetail> article = lookup.visible(event.articleId());
        if (article.isEmpty()) {
            return;
        }
        Set<String> tags = new HashSet<>();
        if (event.changed().contains(ArticleFlag.HEADLINE) || event.changed().contains(ArticleFlag.RECOMMENDED)) {
            tags.add(PageTags.HOME_PAGE);
        }
        if (article.get().channel() != null && (event.changed().contains(ArticleFlag.PINNED) || event.changed().contains(ArticleFlag.RECOMMENDED))) {
            tags.add(PageTags.channelFlags(article.get().channel().slug()));
        }
        if (!tags.isEmpty()) {
            drop(tags, "flags " + event.changed() + " of article " + event.articleId());
        }
    }

    /**
     * A topic's page changed: that page (under its old slug too after a rename, which must now answer its
     * 301), the list of topics (it shows the title) and the sitemaps (pages.xml lists every topic with its
     * update time). Nothing else shows a topic.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(TopicChanged event) {
        Set<String> tags = new HashSet<>(Set.of(PageTags.TOPICS, PageTags.SITEMAPS));
        event.slugs().forEach(slug -> tags.add(PageTags.topic(slug)));
        drop(tags, "topics " + event.slugs());
    }

    /** The pages that render an ad placement (see the templates: home, listing, article and the sidebar on all). */
    static Set<String> pagesShowing(String placement) {
        return switch (placement) {
            case AdSlots.HOME_TOP -> Set.of(PageTags.HOME_PAGE);
            case AdSlots.LIST_TOP -> Set.of(PageTags.LIST_PAGES);
            case AdSlots.ARTICLE_BOTTOM -> Set.of(PageTags.ARTICLE_PAGES);
            default -> Set.of(PageTags.HTML); // the sidebar, on every page
        };
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
        Listing listing = detail.map(a -> new Listing(withTopics(lists(a), id), a.publishedAt(), lookup.visible(id).isPresent()))
                .orElse(new Listing(Set.of(), null, false));
        known.put(id, listing);
        return listing;
    }

    /** The lists plus the pages of the special topics the article is in: they list it while readers may see it. */
    private Set<String> withTopics(Set<String> lists, long id) {
        List<String> slugs = topics.slugsContaining(id);
        if (slugs.isEmpty()) {
            return lists;
        }
        Set<String> all = new HashSet<>(lists);
        slugs.forEach(slug -> all.add(PageTags.topic(slug)));
        return Set.copyOf(all);
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
