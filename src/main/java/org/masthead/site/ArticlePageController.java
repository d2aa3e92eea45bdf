package org.masthead.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.masthead.article.Actor;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleDesk;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleRefused;
import org.masthead.article.ArticleLookup;
import org.masthead.article.ArticleViews;
import org.masthead.article.Figure;
import org.masthead.article.FrontLists;
import org.masthead.ingest.enrichment.ArticleInsights;
import org.masthead.media.Rendition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The article page, and its preview for the newsroom: the same page, rendered by the same template from
 * the same page record, for an article in any state, marked "preview" and {@code noindex}. The preview
 * lives here rather than in the back office so that it cannot drift from what readers get.
 */
@Controller
class ArticlePageController {

    static final int SIDE_LIST = 10;

    private final ArticleLookup lookup;
    private final FrontLists front;
    private final ArticleViews views;
    private final SiteLayouts layouts;
    private final PageHeads heads;
    private final ArticleInsights insights;
    private final ArticleDesk desk;
    private final ResponsiveImages images;

    ArticlePageController(ArticleLookup lookup, FrontLists front, ArticleViews views, SiteLayouts layouts, PageHeads heads, ArticleInsights insights,
            ArticleDesk desk, ResponsiveImages images) {
        this.images = images;
        this.insights = insights;
        this.desk = desk;
        this.lookup = lookup;
        this.front = front;
        this.views = views;
        this.layouts = layouts;
        this.heads = heads;
    }

    @GetMapping("/articles/{id:\\d{1,18}}")
    String article(@PathVariable long id, Model model) {
        ArticleDetail a = lookup.visible(id).orElseThrow(() -> new NotFound("article " + id));
        views.record(id);
        model.addAttribute("page", page(a));
        return "site/article";
    }

    /**
     * The article as readers will see it, in any state (a draft too), for those who may read it in the
     * back office: authors their own. Never cached: {@code no-store} here, and the page cache keeps no
     * address under /admin.
     */
    @GetMapping("/admin/articles/{id:\\d{1,18}}/preview")
    String preview(@PathVariable long id, Authentication auth, HttpServletRequest request, HttpServletResponse response, Model model) {
        Actor actor = Actor.of(auth.getName(), auth.getAuthorities().stream().map(a -> a.getAuthority()).toList(), request.getRemoteAddr());
        ArticleDetail a;
        try {
            a = desk.open(id, actor).detail();
        } catch (ArticleRefused refused) {
            if (refused.reason() == ArticleRefused.Reason.FORBIDDEN) {
                throw new AccessDeniedException(refused.key());
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.key());
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        model.addAttribute("page", page(a, true));
        model.addAttribute("preview", layouts.messages().get("preview.banner", layouts.messages().get("article.status." + a.status().code())));
        return "site/article";
    }

    /**
     * The side lists as cards, the same on every article page: made once per held lists ({@link FrontLists},
     * which are not read per page either) and per zone and excerpt length, as cutting the excerpts was most of
     * what was left of an uncached article page's work.
     */
    private record SideLists(FrontLists.Snapshot from, SiteFormats formats, int excerpt, List<ArticleCard> newest, List<CardView> newestViews,
            List<CardView> headlines) {}

    private volatile SideLists side;

    private SideLists sideLists(SiteFormats formats, int excerpt) {
        FrontLists.Snapshot lists = front.snapshot();
        SideLists made = side;
        if (made != null && made.from() == lists && made.formats().equals(formats) && made.excerpt() == excerpt) {
            return made;
        }
        List<ArticleCard> newest = lists.newest().subList(0, Math.min(SIDE_LIST, lists.newest().size()));
        // Only the newest list shows pictures (the most-read one is a list of titles).
        Map<String, Rendition> covers = images.covers(newest.stream());
        made = new SideLists(lists, formats, excerpt, newest, newest.stream().map(c -> CardView.of(c, formats, excerpt, covers)).toList(),
                lists.mostRead().stream().limit(SIDE_LIST).map(c -> CardView.of(c, formats, excerpt)).toList());
        side = made;
        return made;
    }

    ArticlePage page(ArticleDetail a) {
        return page(a, false);
    }

    ArticlePage page(ArticleDetail a, boolean preview) {
        SiteFormats formats = layouts.formats();
        int excerpt = layouts.settings().excerptLength();
        Link source = null;
        if (a.source() != null) {
            String target = a.originalUrl() != null ? a.originalUrl() : a.source().homepage();
            source = new Link(a.source().name(), target);
        }
        List<Figure> extra = a.figures().stream().filter(f -> !a.bodyHtml().contains(f.url())).toList();
        // One look-up for every image of the article: the cover, the body's and the figures'.
        List<String> bodySources = ResponsiveImages.sources(a.bodyHtml());
        Map<String, Rendition> found = images.lookUp(Stream.of(Stream.ofNullable(a.coverImage()), bodySources.stream(), extra.stream().map(Figure::url))
                .flatMap(s -> s));
        Rendition coverImage = a.coverImage() == null || bodySources.contains(a.coverImage()) ? null : found.get(a.coverImage());
        ImageView cover = coverImage == null ? null : ResponsiveImages.column(coverImage, coverImage.alt(), true);
        String body = ResponsiveImages.rewrite(a.bodyHtml(), found, ResponsiveImages.COLUMN, cover == null);
        List<FigureView> figures = extra.stream().map(f -> {
            String alt = f.caption() == null ? "" : f.caption();
            Rendition r = found.get(f.url());
            return new FigureView(r == null ? ImageView.external(f.url(), alt) : ResponsiveImages.column(r, alt, false), f.caption());
        }).toList();
        SideLists side = sideLists(formats, excerpt);
        List<CardView> latest = new java.util.ArrayList<>(SIDE_LIST - 1);
        for (int i = 0; i < side.newest().size() && latest.size() < SIDE_LIST - 1; i++) {
            if (side.newest().get(i).id() != a.id()) {
                latest.add(side.newestViews().get(i));
            }
        }
        List<CardView> headlines = side.headlines();
        String extract = insights.of(a.id()).map(i -> i.summary()).orElse(null);
        PageHead head = heads.article(a, extract);
        if (preview) {
            head = new PageHead(head.title(), head.description(), head.canonicalUrl(), true, head.og(), head.feeds(), head.jsonLd());
        }
        SiteLayout layout = layouts.layout(head, a.channel() == null ? null : a.channel().slug());
        List<Link> alsoReported = insights.alsoReported(a.id(), SIDE_LIST).stream()
                .map(other -> new Link(other.source() == null ? other.title() : other.source().name() + "：" + other.title(), other.url()))
                .toList();
        return new ArticlePage(
                layout,
                a.title(),
                a.subtitle(),
                formats.full(a.publishedAt()),
                formats.machine(a.publishedAt()),
                source,
                a.channel() == null ? null : new Link(a.channel().name(), a.channel().url()),
                cover,
                body,
                figures,
                a.authors().stream().map(n -> new Link(n, ListingPageController.authorUrl(n))).toList(),
                a.tags().stream().map(t -> new Link(t.name(), t.url())).toList(),
                latest,
                headlines,
                alsoReported);
    }
}
