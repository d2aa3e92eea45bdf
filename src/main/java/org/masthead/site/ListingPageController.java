package org.masthead.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleFlag;
import org.masthead.article.ArticleFlags;
import org.masthead.article.FlaggedLists;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticleLists;
import org.masthead.article.TaxonomyUsage;
import org.masthead.channel.Channel;
import org.masthead.channel.Channels;
import org.masthead.platform.PageSlice;
import org.masthead.source.Source;
import org.masthead.source.Sources;
import org.masthead.tag.Tag;
import org.masthead.tag.Tags;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The paginated lists: latest, channel (栏目), tag (标签), source (来源) and author (作者) pages. */
@Controller
class ListingPageController {

    /** Deeper pages are refused: no reader pages that far, and OFFSET scans grow with the page. */
    static final int MAX_PAGE = 1000;
    static final int PINNED = 5;
    static final int RECOMMENDED = 8;

    private final ArticleLists articles;
    private final Channels channels;
    private final Sources sources;
    private final Tags tags;
    private final SiteLayouts layouts;
    private final PageHeads heads;
    private final TaxonomyUsage usage;
    private final ArticleFlags flags;
    private final ResponsiveImages images;

    ListingPageController(ArticleLists articles, Channels channels, Sources sources, Tags tags, SiteLayouts layouts, PageHeads heads, TaxonomyUsage usage,
            ArticleFlags flags, ResponsiveImages images) {
        this.images = images;
        this.usage = usage;
        this.flags = flags;
        this.articles = articles;
        this.channels = channels;
        this.sources = sources;
        this.tags = tags;
        this.layouts = layouts;
        this.heads = heads;
    }

    static String authorUrl(String name) {
        return "/author/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }

    @GetMapping("/latest")
    String latest(@RequestParam(required = false) String page, Model model) {
        return listing(model, null, layouts.messages().get("list.latest"), "/latest", null, false, ArticleFilter.visible(), page, null);
    }

    @GetMapping("/channel/{slug}")
    String channel(@PathVariable String slug, @RequestParam(required = false) String page, Model model) {
        Channel channel = channels.bySlug(slug).orElseThrow(() -> channels.formerSlug(slug)
                .<RuntimeException>map(moved -> new Moved(moved.url(), page))
                .orElseGet(() -> new NotFound("channel " + slug)));
        return listing(model, "list.channel", channel.name(), channel.url(), channel.slug(), true, ArticleFilter.visible().inChannel(channel.id()), page,
                channel.id());
    }

    @GetMapping("/tag/{name}")
    String tag(@PathVariable String name, @RequestParam(required = false) String page, Model model) {
        Tag tag = tags.byName(name).orElseThrow(() -> tags.formerName(name)
                .<RuntimeException>map(moved -> new Moved(moved.url(), page))
                .orElseGet(() -> new NotFound("tag " + name)));
        return listing(model, "list.tag", tag.name(), tag.url(), null, true, ArticleFilter.visible().taggedWith(tag.id()), page, null);
    }

    @GetMapping("/source/{id:\\d{1,18}}")
    String source(@PathVariable long id, @RequestParam(required = false) String page, Model model) {
        Source source = sources.byId(id).orElseThrow(() -> new NotFound("source " + id));
        return listing(model, "list.source", source.name(), source.url(), null, true, ArticleFilter.visible().fromSource(source.id()), page, null);
    }

    @GetMapping("/author/{name}")
    String author(@PathVariable String name, @RequestParam(required = false) String page, Model model) {
        ArticleFilter filter = ArticleFilter.visible().byAuthor(name);
        if (articles.count(filter) == 0) {
            throw usage.bylineRenamedTo(name).<RuntimeException>map(current -> new Moved(authorUrl(current), page))
                    .orElseGet(() -> new NotFound("author " + name));
        }
        return listing(model, "list.author", name, authorUrl(name), null, false, filter, page, null);
    }

    /**
     * A renamed channel, tag, byline or topic: its old address answers 301 to the new one (the page number kept),
     * so links and search-engine entries keep working. Kept by browsers and proxies for a day, not
     * forever: the old slug may be given to another channel later.
     */
    @ExceptionHandler(Moved.class)
    ResponseEntity<Void> moved(Moved moved) {
        return movedPermanently(moved);
    }

    static ResponseEntity<Void> movedPermanently(Moved moved) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(java.net.URI.create(moved.location()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .build();
    }

    static final class Moved extends RuntimeException {

        private final String location;

        Moved(String path, String page) {
            super(path, null, false, false);
            this.location = page == null || page.isBlank() ? path : path + "?page=" + UriUtils.encodeQueryParam(page.strip(), StandardCharsets.UTF_8);
        }

        String location() {
            return location;
        }
    }

    /**
     * @param kindKey message key of what the list is of (栏目 …); null for the latest articles of the whole site
     * @param ownFeed whether the list has its own feed (channels, tags and sources; the feed module serves it)
     * @param flaggedChannel the channel whose pinned and recommended articles the page shows, or null */
    private String listing(Model model, String kindKey, String heading, String path, String currentChannel, boolean ownFeed, ArticleFilter filter,
            String pageParam, Long flaggedChannel) {
        int page = pageNumber(pageParam);
        PageSlice<ArticleCard> slice = articles.list(filter, page, layouts.settings().listPageSize());
        if (page > 1 && page > slice.totalPages()) {
            throw new NotFound("page " + page + " of " + path);
        }
        SiteFormats formats = layouts.formats();
        int excerpt = layouts.settings().excerptLength();
        FlaggedLists flagged = flaggedChannel == null ? new FlaggedLists(java.util.Map.of()) : flags.inChannel(flaggedChannel, PINNED, RECOMMENDED);
        // Pinned articles head the first page and are not repeated in the list below them.
        List<ArticleCard> pinned = page == 1 ? flagged.of(ArticleFlag.PINNED) : List.of();
        java.util.Set<Long> pinnedIds = pinned.stream().map(ArticleCard::id).collect(java.util.stream.Collectors.toSet());
        // Only the list's cards show pictures (pinned, headline and recommended lists are titles).
        java.util.Map<String, org.masthead.media.Rendition> covers = images.covers(slice.items().stream());
        List<CardView> items = slice.items().stream().filter(c -> !pinnedIds.contains(c.id())).map(c -> CardView.of(c, formats, excerpt, covers)).toList();
        List<CardView> headlines = articles.headlines(10).stream().map(c -> CardView.of(c, formats, excerpt)).toList();
        String kind = kindKey == null ? null : layouts.messages().get(kindKey);
        model.addAttribute("page", new ListingPage(
                layouts.layout(heads.listing(kind, heading, page, path, ownFeed, items), currentChannel),
                kind,
                heading,
                items,
                page,
                slice.totalPages(),
                slice.hasPrevious() ? (page == 2 ? path : path + "?page=" + (page - 1)) : null,
                slice.hasNext() ? path + "?page=" + (page + 1) : null,
                headlines,
                pinned.stream().map(c -> CardView.of(c, formats, excerpt)).toList(),
                flagged.of(ArticleFlag.RECOMMENDED).stream().map(c -> CardView.of(c, formats, excerpt)).toList()));
        return "site/listing";
    }

    /** A page number from the URL; anything but 1 … MAX_PAGE is a missing page, not an error. */
    private static int pageNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // falls through to 404
        }
        throw new NotFound("page " + raw);
    }
}
