package org.masthead.feed;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleScans;
import org.masthead.article.ArticleScans.IdBlock;
import org.masthead.article.ArticleScans.VisibleSummary;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.masthead.topic.Topic;
import org.masthead.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sitemap index {@code /sitemap.xml} and the files it lists: the list pages and the special topics
 * ({@code /sitemaps/pages.xml}), the Google News sitemap of the last 48 hours
 * ({@code /sitemaps/news.xml}) and the articles ({@code /sitemaps/articles-{n}.xml}).
 *
 * <p>Article file {@code n} holds the visible articles with ids {@code (n - 1) * size + 1} to
 * {@code n * size}, where size is {@code masthead.sitemap.urls-per-file} (fewer when the base address
 * is so long that the file would pass 50 MB). So each file is one primary-key range, an article stays
 * in the same file for life, and an old file's ETag holds while new articles arrive; a file may hold
 * fewer URLs than the size when ids in its range are hidden, and a range without a visible article
 * is not listed (and answers 404).
 *
 * <p>Every answer carries an ETag and Last-Modified and is cacheable for ten minutes; a conditional
 * request that still matches gets 304 before any file is written.
 */
@Controller
@EnableConfigurationProperties(SitemapSettings.class)
class SitemapController {

    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    /** Google News reads at most 1,000 URLs of one news sitemap. */
    static final int NEWS_MAX = 1000;
    static final String XML = "application/xml;charset=UTF-8";
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();

    private static final Logger log = LoggerFactory.getLogger(SitemapController.class);

    private final ArticleScans articles;
    private final ArticleLists lists;
    private final SiteSettingsStore settings;
    private final SitemapSettings sitemaps;
    private final Topics topics;
    private final Clock clock;

    SitemapController(ArticleScans articles, ArticleLists lists, SiteSettingsStore settings, SitemapSettings sitemaps, Topics topics, Clock clock) {
        this.topics = topics;
        this.articles = articles;
        this.lists = lists;
        this.settings = settings;
        this.sitemaps = sitemaps;
        this.clock = clock;
    }

    @GetMapping("/sitemap.xml")
    void index(ServletWebRequest request, HttpServletResponse response) throws IOException {
        Site site = site();
        List<IdBlock> blocks = articles.visibleIdBlocks(site.articlesPerFile());
        List<ArticleCard> news = recentNews(site);
        long count = 0;
        long idSum = 0;
        Instant newestUpdate = null;
        Instant newestChange = null;
        for (IdBlock block : blocks) {
            count += block.visible().count();
            idSum += block.visible().idSum();
            newestUpdate = later(newestUpdate, block.visible().newestUpdate());
            newestChange = later(newestChange, lastChange(block.visible()));
        }
        Instant newsUpdate = news.stream().map(ArticleCard::updatedAt).reduce(null, SitemapController::later);
        TopicState topicState = TopicState.of(topics.all());
        String etag = etag("index", site, count, idSum, newestUpdate, newestChange, news.size(), newsUpdate, topicState.signature());
        if (notModified(request, response, etag, later(newestChange, topicState.newestUpdate()))) {
            return;
        }
        response.setContentType(XML);
        SitemapWriter index = SitemapWriter.start(response.getOutputStream(), SitemapWriter.Kind.INDEX, site.settings().timeZone(), SitemapWriter.MAX_URLS);
        index.add(site.at().at("/sitemaps/pages.xml"), later(newestUpdate, topicState.newestUpdate()));
        index.add(site.at().at("/sitemaps/news.xml"), newsUpdate);
        for (IdBlock block : blocks) {
            if (!index.add(site.at().at("/sitemaps/articles-" + block.number() + ".xml"), block.visible().newestUpdate())) {
                log.error("Sitemap index full at {} files: articles after id {} are in no sitemap", index.entries(), block.firstId() - 1);
                break;
            }
        }
        index.finish();
    }

    @GetMapping("/sitemaps/articles-{number:\\d{1,9}}.xml")
    void articles(@PathVariable int number, ServletWebRequest request, HttpServletResponse response) throws IOException {
        Site site = site();
        long size = site.articlesPerFile();
        if (number < 1) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no sitemap file " + number);
        }
        long first = (number - 1) * size + 1;
        long last = number * size;
        VisibleSummary visible = articles.visibleSummary(first, last);
        if (visible.count() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no visible article in sitemap file " + number);
        }
        String etag = etag("articles-" + number, site, visible.count(), visible.idSum(), visible.newestUpdate(), visible.newestPublication());
        if (notModified(request, response, etag, lastChange(visible))) {
            return;
        }
        response.setContentType(XML);
        SitemapWriter file = SitemapWriter.start(response.getOutputStream(), SitemapWriter.Kind.URLS, site.settings().timeZone(), (int) size);
        articles.eachVisibleInIdRange(first, last, article -> file.add(site.at().at(article.url()), article.updatedAt()));
        file.finish();
        warnIfSkipped(file, "articles-" + number);
    }

    @GetMapping("/sitemaps/pages.xml")
    void pages(ServletWebRequest request, HttpServletResponse response) throws IOException {
        Site site = site();
        VisibleSummary visible = articles.visibleSummary(1, Long.MAX_VALUE);
        List<Topic> allTopics = topics.all();
        TopicState topicState = TopicState.of(allTopics);
        String etag = etag("pages", site, visible.count(), visible.idSum(), visible.newestUpdate(), visible.newestPublication(), topicState.signature());
        if (notModified(request, response, etag, later(lastChange(visible), topicState.newestUpdate()))) {
            return;
        }
        response.setContentType(XML);
        int limit = sitemaps.urlsPerFile();
        SitemapWriter file = SitemapWriter.start(response.getOutputStream(), SitemapWriter.Kind.URLS, site.settings().timeZone(), limit);
        file.add(site.at().at("/"), visible.newestUpdate());
        file.add(site.at().at("/latest"), visible.newestUpdate());
        int[] refused = {0};
        // Special topics before the list pages: there are few of them and each is an editor's page, so a
        // full file leaves out list pages first. Their lastmod is the topic's own change (fields or articles).
        if (!allTopics.isEmpty()) {
            file.add(site.at().at("/topics"), topicState.newestUpdate());
        }
        for (Topic topic : allTopics) {
            if (!file.add(site.at().at(topic.url()), topic.updatedAt())) {
                refused[0]++;
            }
        }
        articles.eachListPage(Math.max(0, limit - file.entries()), page -> {
            if (!file.add(site.at().at(page.url()), page.newestUpdate())) {
                refused[0]++;
            }
        });
        file.finish();
        if (refused[0] > 0) {
            log.warn("Sitemap pages.xml is full at {} URLs: {} topics or list pages left out", file.entries(), refused[0]);
        }
        warnIfSkipped(file, "pages");
    }

    /** Google News: visible articles published in the last 48 hours, newest first, at most 1,000. */
    @GetMapping("/sitemaps/news.xml")
    void news(ServletWebRequest request, HttpServletResponse response) throws IOException {
        Site site = site();
        List<ArticleCard> recent = recentNews(site);
        long idSum = recent.stream().mapToLong(ArticleCard::id).sum();
        Instant newestUpdate = recent.stream().map(ArticleCard::updatedAt).reduce(null, SitemapController::later);
        Instant newestPublication = recent.stream().map(ArticleCard::publishedAt).reduce(null, SitemapController::later);
        String etag = etag("news", site, recent.size(), idSum, newestUpdate, newestPublication);
        if (notModified(request, response, etag, later(newestUpdate, newestPublication))) {
            return;
        }
        response.setContentType(XML);
        SitemapWriter file = SitemapWriter.start(response.getOutputStream(), SitemapWriter.Kind.NEWS, site.settings().timeZone(), recent.size());
        for (ArticleCard article : recent) {
            file.addNews(site.at().at(article.url()), article.updatedAt(), site.settings().name(), sitemaps.newsLanguage(), article.publishedAt(),
                    article.title());
        }
        file.finish();
        warnIfSkipped(file, "news");
    }

    /**
     * What the topics part of a sitemap is written from: any topic created, renamed or changed (its
     * update time moves with each change, its articles included) changes the signature and the ETag.
     */
    private record TopicState(String signature, Instant newestUpdate) {

        static TopicState of(List<Topic> topics) {
            StringBuilder all = new StringBuilder();
            Instant newest = null;
            for (Topic t : topics) {
                all.append(t.id()).append(' ').append(t.slug()).append(' ').append(t.updatedAt().toEpochMilli()).append('\n');
                newest = later(newest, t.updatedAt());
            }
            return new TopicState(all.toString(), newest);
        }
    }

    /** The settings one answer is written with, read once so the whole answer agrees with itself. */
    private record Site(SiteSettings settings, SitemapLocations at, int articlesPerFile) {}

    private Site site() {
        SiteSettings current = settings.current();
        SitemapLocations at = SitemapLocations.of(current.baseUrl());
        int perFile = SitemapWriter.capacity(sitemaps.urlsPerFile(), at.at("/articles/" + Long.MAX_VALUE));
        return new Site(current, at, perFile);
    }

    private List<ArticleCard> recentNews(Site site) {
        return lists.visibleSince(clock.instant().minus(NEWS_WINDOW), Math.min(NEWS_MAX, sitemaps.urlsPerFile()));
    }

    /**
     * Sets the caching headers and answers 304 when the request's validators still match. The ETag
     * names everything the file is written from: which articles (count and sum of ids), their newest
     * change, and the settings it shows (base address, zone, file size, site name, news language).
     */
    private static boolean notModified(ServletWebRequest request, HttpServletResponse response, String etag, Instant lastModified) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        return request.checkNotModified(etag, lastModified == null ? -1 : lastModified.toEpochMilli());
    }

    private String etag(String file, Site site, Object... state) {
        StringBuilder all = new StringBuilder(file);
        for (Object part : List.of(site.at().base(), site.settings().timeZone().getId(), site.articlesPerFile(), site.settings().name(),
                sitemaps.newsLanguage())) {
            all.append('\u0000').append(part);
        }
        for (Object part : state) {
            all.append('\u0000').append(part);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return "W/\"" + file + "-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * When the set last changed for a reader: an article's update, or its publication time passing
     * (a scheduled article appears then, though its update time is older).
     */
    private static Instant lastChange(VisibleSummary visible) {
        return later(visible.newestUpdate(), visible.newestPublication());
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static void warnIfSkipped(SitemapWriter file, String name) {
        if (file.skipped() > 0) {
            log.warn("Sitemap {}: {} addresses longer than {} characters left out", name, file.skipped(), SitemapWriter.MAX_LOC);
        }
    }
}
