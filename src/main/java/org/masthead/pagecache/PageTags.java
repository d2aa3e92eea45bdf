package org.masthead.pagecache;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * What a cached page shows, as tags, and which pages may be kept at all: the one place that knows how
 * the site's URLs map to what they show. A page is dropped when any of its tags is dropped.
 *
 * <ul>
 *   <li>{@code article:N}: the page of article N, and every page that links to it (a card, a feed item, a
 *       side list shows the article's title and excerpt, so a change to the article changes the page);
 *   <li>{@code list:all}: the newest articles of the whole site (home, /latest, the site feeds, and the
 *       "latest" side list of every article page): any publication changes it;
 *   <li>{@code list:/channel/S}, {@code list:/tag/T}, {@code list:/source/N}, {@code list:/author/A} (decoded):
 *       one list, all its pages and its feeds; {@code lists}: every list of any kind;
 *   <li>{@code sitemaps}: the sitemap index and its files; {@code html}: every HTML page (they show the
 *       channel navigation, the sidebar's ads and the most-read list);
 *   <li>{@code page:home}, {@code page:list}, {@code page:article}, {@code page:topic}: the HTML pages of one
 *       kind (each kind shows its own ad placements); {@code flags:/channel/S}: the HTML pages of channel S
 *       (their pinned and recommended articles, not their feeds);
 *   <li>{@code topic:S} (decoded): the page of special topic S; {@code topics}: the list of topics.
 * </ul>
 */
final class PageTags {

    static final String HTML = "html";
    static final String LISTS = "lists";
    static final String ALL_ARTICLES = "list:all";
    static final String SITEMAPS = "sitemaps";
    static final String HOME_PAGE = "page:home";
    static final String LIST_PAGES = "page:list";
    static final String ARTICLE_PAGES = "page:article";
    static final String TOPIC_PAGES = "page:topic";
    static final String TOPICS = "topics";

    private static final Pattern ARTICLE_PAGE = Pattern.compile("/articles/(\\d{1,18})");
    /** A link to an article in any page or feed, relative or absolute. */
    private static final Pattern ARTICLE_LINK = Pattern.compile("/articles/(\\d{1,18})(?![\\d/])");
    private static final Set<String> SITE_LISTS = Set.of("/", "/latest", "/feed.xml", "/atom.xml", "/feed.json");
    private static final Set<String> LIST_KINDS = Set.of("channel", "tag", "source", "author");

    private PageTags() {}

    static String article(long id) {
        return "article:" + id;
    }

    /** The tag of one list, from its kind and its undecoded name: {@code list("tag", "两会")}. */
    static String list(String kind, String name) {
        return "list:/" + kind + "/" + name;
    }

    /** The tag of a channel's HTML pages (not its feeds): what its pinned and recommended lists change. */
    static String channelFlags(String slug) {
        return "flags:/channel/" + slug;
    }

    /** The tag of a special topic's page, from its (decoded) slug. */
    static String topic(String slug) {
        return "topic:" + slug;
    }

    /**
     * The tags a page at {@code rawPath} (as sent, percent-encoded) depends on by its address alone, or
     * null when pages at that address are not kept (API, back office, contact form, actuator, files).
     */
    static Set<String> ofPath(String rawPath) {
        Set<String> tags = new HashSet<>();
        if (SITE_LISTS.contains(rawPath)) {
            tags.add(ALL_ARTICLES);
            tags.add(LISTS);
            if (rawPath.equals("/")) {
                tags.add(HOME_PAGE);
            } else if (rawPath.equals("/latest")) {
                tags.add(LIST_PAGES);
            }
            return tags;
        }
        if (rawPath.equals("/topics")) {
            tags.add(TOPICS);
            tags.add(TOPIC_PAGES);
            return tags;
        }
        Matcher article = ARTICLE_PAGE.matcher(rawPath);
        if (article.matches()) {
            tags.add(ARTICLE_PAGES);
            tags.add(article(Long.parseLong(article.group(1))));
            tags.add(ALL_ARTICLES); // its side list of the latest articles
            return tags;
        }
        if (rawPath.equals("/sitemap.xml") || rawPath.startsWith("/sitemaps/")) {
            tags.add(SITEMAPS);
            return tags;
        }
        if (rawPath.equals("/robots.txt")) {
            return tags; // shows the base URL only: dropped with the settings
        }
        String[] segments = rawPath.split("/", -1);
        if (segments.length == 3 && segments[1].equals("topic") && !segments[2].isEmpty()) {
            try {
                tags.add(topic(UriUtils.decode(segments[2], StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException badEncoding) {
                return null;
            }
            tags.add(TOPIC_PAGES);
            return tags;
        }
        // "/channel/S", "/channel/S/feed.xml" …: segments "", kind, name[, file]
        if (segments.length >= 3 && segments.length <= 4 && LIST_KINDS.contains(segments[1]) && !segments[2].isEmpty()) {
            if (segments.length == 4 && !Set.of("feed.xml", "atom.xml", "feed.json").contains(segments[3])) {
                return null;
            }
            String name;
            try {
                name = UriUtils.decode(segments[2], StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEncoding) {
                return null;
            }
            tags.add(list(segments[1], name));
            if (segments.length == 3) {
                tags.add(LIST_PAGES);
                if (segments[1].equals("channel")) {
                    tags.add(channelFlags(name));
                }
            }
            tags.add(LISTS);
            return tags;
        }
        return null;
    }

    /** Adds {@code article:N} for every article the body links to. */
    static void addLinks(byte[] body, Set<String> tags) {
        // Latin-1 keeps every byte as one char: the pattern is ASCII, and nothing needs decoding.
        Matcher links = ARTICLE_LINK.matcher(new String(body, StandardCharsets.ISO_8859_1));
        while (links.find()) {
            tags.add(article(Long.parseLong(links.group(1))));
        }
    }

    /** The article a page is the page of, or -1. */
    static long articleOf(String rawPath) {
        Matcher article = ARTICLE_PAGE.matcher(rawPath);
        return article.matches() ? Long.parseLong(article.group(1)) : -1;
    }
}
