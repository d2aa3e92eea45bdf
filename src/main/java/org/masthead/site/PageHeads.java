package org.masthead.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.masthead.article.ArticleDetail;
import org.masthead.article.Figure;
import org.masthead.platform.Messages;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.masthead.text.Excerpt;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link PageHead} of each kind of page: document title, description, canonical address, Open
 * Graph, feeds and JSON-LD, all from the current settings so an operator's change shows on the next page.
 */
@Component
class PageHeads {

    /** Baidu shows about 30 Chinese characters of a title; the site name follows them. */
    static final int TITLE_CHARS = 30;
    /** Baidu and Google show about 80 to 120 Chinese characters of a description. */
    static final int DESCRIPTION_CHARS = 120;
    /** The site's feeds (served by the feed module), and the suffix of a list's own feed. */
    static final String RSS = "/feed.xml";
    static final String ATOM = "/atom.xml";
    static final String JSON_FEED = "/feed.json";
    /** How many headlines a list or home page description names. */
    private static final int DESCRIBED_TITLES = 5;
    private static final int MAX_IMAGES = 4;

    private final SiteSettingsStore settings;
    private final SiteAssets assets;
    private final StructuredData structuredData;
    private final MessageSource messages;

    PageHeads(SiteSettingsStore settings, SiteAssets assets, StructuredData structuredData, MessageSource messages) {
        this.settings = settings;
        this.assets = assets;
        this.structuredData = structuredData;
        this.messages = messages;
    }

    PageHead home(List<CardView> latest) {
        SiteSettings s = settings.current();
        Messages msg = messages();
        String name = s.tagline().isBlank() ? s.name() : msg.get("home.named", s.name(), s.tagline());
        String description = Excerpt.of(latest.isEmpty() ? name : msg.get("home.description", name, titles(msg, latest)), DESCRIPTION_CHARS);
        String home = s.baseUrl() + "/";
        String jsonLd = structuredData.website(home, s.name(), description, language(msg), publisher(s));
        OpenGraphValues og = new OpenGraphValues("website", s.name(), description, home, null, null, null, null, List.of());
        return new PageHead(name, description, home, false, og.with(s, msg), siteFeeds(s, msg), jsonLd);
    }

    PageHead article(ArticleDetail a) {
        return article(a, null);
    }

    /**
     * @param extract the extractive summary of the text ({@code org.masthead.text.Summary}), used for the
     *     description when the article has no summary of its own; null when not analysed yet
     */
    PageHead article(ArticleDetail a, String extract) {
        SiteSettings s = settings.current();
        Messages msg = messages();
        SiteFormats formats = new SiteFormats(s.timeZone());
        String url = s.baseUrl() + a.url();
        boolean ownSummary = a.summary() != null && !a.summary().isBlank();
        String described = !ownSummary && extract != null && !extract.isBlank() ? extract : a.excerptSource();
        String description = Excerpt.of(firstNonBlank(described, a.title()), DESCRIPTION_CHARS);
        String published = formats.machine(a.publishedAt());
        // An article imported before its publication time was last changed "before" it appeared.
        Instant changed = a.updatedAt() != null && a.updatedAt().isAfter(a.publishedAt()) ? a.updatedAt() : a.publishedAt();
        String modified = formats.machine(changed);
        List<String> images = images(s.baseUrl(), a);
        String section = a.channel() == null ? null : a.channel().name();
        List<String> tags = a.tags().stream().map(t -> t.name()).toList();

        StructuredData.Organization source = a.source() == null ? null
                : new StructuredData.Organization(a.source().name(), absolute(s.baseUrl(), a.source().homepage()), null, 0);
        List<StructuredData.Person> authors = a.authors().stream()
                .map(n -> new StructuredData.Person(n, s.baseUrl() + ListingPageController.authorUrl(n))).toList();
        List<StructuredData.Crumb> trail = new ArrayList<>();
        trail.add(new StructuredData.Crumb(msg.get("nav.home"), s.baseUrl() + "/"));
        if (a.channel() != null) {
            trail.add(new StructuredData.Crumb(a.channel().name(), s.baseUrl() + a.channel().url()));
        }
        trail.add(new StructuredData.Crumb(a.title(), url));
        String jsonLd = structuredData.article(new StructuredData.NewsArticle(url, a.title(), description, published, modified, authors, source,
                publisher(s), images, section, tags, absolute(s.baseUrl(), a.originalUrl()), language(msg)), trail);

        OpenGraphValues og = new OpenGraphValues("article", a.title(), description, url, images.isEmpty() ? null : images.getFirst(),
                published, modified, section, tags);
        return new PageHead(documentTitle(s, a.title(), null), description, url, false, og.with(s, msg), siteFeeds(s, msg), jsonLd);
    }

    /**
     * A list page. Page 2 and later are their own canonical pages ({@code ?page=N}): they list other articles,
     * so pointing them at page 1 would hide those articles from search engines.
     *
     * @param kind what the list is of, in the reader's language (栏目 …); null for the latest articles of the site
     * @param path the list's first page
     * @param ownFeed whether the list has its own feed at {@code path + "/feed.xml"} (channels, tags, sources)
     */
    PageHead listing(String kind, String heading, int page, String path, boolean ownFeed, List<CardView> items) {
        SiteSettings s = settings.current();
        Messages msg = messages();
        String url = s.baseUrl() + (page == 1 ? path : path + "?page=" + page);
        String pageLabel = page == 1 ? null : msg.get("pagination.page", String.valueOf(page));
        String about = kind == null ? msg.get("list.description.latest", s.name()) : msg.get("list.description", kind, heading);
        String description = Excerpt.of(items.isEmpty() ? about : msg.get("list.description.titles", about, titles(msg, items)), DESCRIPTION_CHARS);
        String ogTitle = pageLabel == null ? heading : msg.get("title.paged", heading, pageLabel);
        List<PageHead.FeedLink> feeds = new ArrayList<>();
        if (ownFeed && kind != null) {
            feeds.add(new PageHead.FeedLink("application/rss+xml", msg.get("feed.list", kind, heading, s.name(), msg.get("feed.rss")), path + RSS));
        }
        feeds.addAll(siteFeeds(s, msg));
        OpenGraphValues og = new OpenGraphValues("website", ogTitle, description, url, null, null, null, null, List.of());
        return new PageHead(documentTitle(s, heading, pageLabel), description, url, false, og.with(s, msg), feeds, null);
    }

    /**
     * The search page. Without a query it is an ordinary page of the site. Results are {@code noindex}
     * (search engines should not keep a site's search results, which duplicate its articles and change
     * by the minute) but their links are followed; a refused search has no canonical address.
     *
     * @param query the query as shown, or null for the form alone
     * @param canonicalPath this search's address ({@link SearchForm#url()}), or null
     */
    /** A special topic's page: described by its summary (or its first titles), its cover as the Open Graph image. */
    PageHead topic(String title, String summary, String path, String cover, List<CardView> items) {
        SiteSettings s = settings.current();
        Messages msg = messages();
        String url = s.baseUrl() + path;
        String about = summary != null && !summary.isBlank() ? summary : msg.get("list.description", msg.get("topic.kind"), title);
        String description = Excerpt.of(items.isEmpty() || (summary != null && !summary.isBlank()) ? about
                : msg.get("list.description.titles", about, titles(msg, items)), DESCRIPTION_CHARS);
        String image = cover == null ? null : cover.startsWith("/") ? s.baseUrl() + cover : cover;
        OpenGraphValues og = new OpenGraphValues("website", title, description, url, image, null, null, null, List.of());
        return new PageHead(documentTitle(s, title, null), description, url, false, og.with(s, msg), siteFeeds(s, msg), null);
    }

    PageHead search(String query, int page, String canonicalPath, long total, boolean noindex) {
        SiteSettings s = settings.current();
        Messages msg = messages();
        String url = canonicalPath == null ? null : s.baseUrl() + canonicalPath;
        String heading = msg.get("search.title");
        String title;
        String description;
        if (query == null) {
            title = documentTitle(s, heading, null);
            description = msg.get("search.description", s.name());
        } else {
            String pageLabel = page == 1 ? "" : " — " + msg.get("pagination.page", String.valueOf(page));
            title = Excerpt.of(query, TITLE_CHARS) + " — " + heading + pageLabel + " — " + s.name();
            description = Excerpt.of(msg.get("search.description.results", s.name(), Excerpt.of(query, TITLE_CHARS), total), DESCRIPTION_CHARS);
        }
        OpenGraphValues og = new OpenGraphValues("website", title, description, url, null, null, null, null, List.of());
        return new PageHead(title, description, url, noindex, url == null ? null : og.with(s, msg), siteFeeds(s, msg), null);
    }

    /** Error pages: no canonical address and not for indexing, but the feeds still work. */
    PageHead error(String heading) {
        SiteSettings s = settings.current();
        return new PageHead(documentTitle(s, heading, null), null, null, true, null, siteFeeds(s, messages()), null);
    }

    /** "标题 — 站名": the title cut at a safe place to {@link #TITLE_CHARS}, the page number kept. */
    static String documentTitle(SiteSettings s, String title, String pageLabel) {
        String cut = Excerpt.of(title, TITLE_CHARS);
        return cut + (pageLabel == null ? "" : " — " + pageLabel) + " — " + s.name();
    }

    /** An absolute address for a link or image given as http(s), protocol-relative or site path; null otherwise. */
    static String absolute(String baseUrl, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return u;
        }
        if (u.startsWith("//")) {
            return "https:" + u;
        }
        return u.startsWith("/") ? baseUrl + u : null;
    }

    /** The cover first, then the figures given with the article, each once, at most {@link #MAX_IMAGES}. */
    static List<String> images(String baseUrl, ArticleDetail a) {
        Set<String> images = new LinkedHashSet<>();
        Stream.concat(Stream.ofNullable(a.coverImage()), a.figures().stream().map(Figure::url))
                .map(u -> absolute(baseUrl, u))
                .filter(u -> u != null)
                .forEach(images::add);
        return images.stream().limit(MAX_IMAGES).toList();
    }

    private List<PageHead.FeedLink> siteFeeds(SiteSettings s, Messages msg) {
        return List.of(
                new PageHead.FeedLink("application/rss+xml", msg.get("feed.site", s.name(), msg.get("feed.rss")), RSS),
                new PageHead.FeedLink("application/atom+xml", msg.get("feed.site", s.name(), msg.get("feed.atom")), ATOM),
                new PageHead.FeedLink("application/feed+json", msg.get("feed.site", s.name(), msg.get("feed.json")), JSON_FEED));
    }

    private StructuredData.Organization publisher(SiteSettings s) {
        return new StructuredData.Organization(s.name(), s.baseUrl() + "/", s.baseUrl() + assets.url(SiteAssets.LOGO_PNG), SiteAssets.LOGO_PNG_SIZE);
    }

    private static String titles(Messages msg, List<CardView> cards) {
        return String.join(msg.get("list.separator"), cards.stream().limit(DESCRIBED_TITLES).map(CardView::title).toList());
    }

    private static String language(Messages msg) {
        return msg.languageTag();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private Messages messages() {
        return new Messages(messages, LocaleContextHolder.getLocale());
    }

    /** The Open Graph values that differ per page; the site name and locale are added by {@link #with}. */
    private record OpenGraphValues(
            String type,
            String title,
            String description,
            String url,
            String image,
            String publishedTime,
            String modifiedTime,
            String section,
            List<String> tags) {

        PageHead.OpenGraph with(SiteSettings s, Messages msg) {
            return new PageHead.OpenGraph(type, title, description, url, s.name(), msg.locale().toString(), image, publishedTime, modifiedTime,
                    section, tags);
        }
    }
}
