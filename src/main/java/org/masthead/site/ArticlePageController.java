package org.masthead.site;

import java.util.List;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleLookup;
import org.masthead.article.ArticleViews;
import org.masthead.article.Figure;
import org.masthead.article.FrontLists;
import org.masthead.ingest.enrichment.ArticleInsights;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ArticlePageController {

    static final int SIDE_LIST = 10;

    private final ArticleLookup lookup;
    private final FrontLists front;
    private final ArticleViews views;
    private final SiteLayouts layouts;
    private final PageHeads heads;
    private final ArticleInsights insights;

    ArticlePageController(ArticleLookup lookup, FrontLists front, ArticleViews views, SiteLayouts layouts, PageHeads heads, ArticleInsights insights) {
        this.insights = insights;
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
        made = new SideLists(lists, formats, excerpt, newest, newest.stream().map(c -> CardView.of(c, formats, excerpt)).toList(),
                lists.mostRead().stream().limit(SIDE_LIST).map(c -> CardView.of(c, formats, excerpt)).toList());
        side = made;
        return made;
    }

    ArticlePage page(ArticleDetail a) {
        SiteFormats formats = layouts.formats();
        int excerpt = layouts.settings().excerptLength();
        Link source = null;
        if (a.source() != null) {
            String target = a.originalUrl() != null ? a.originalUrl() : a.source().homepage();
            source = new Link(a.source().name(), target);
        }
        List<Figure> extra = a.figures().stream().filter(f -> !a.bodyHtml().contains(f.url())).toList();
        SideLists side = sideLists(formats, excerpt);
        List<CardView> latest = new java.util.ArrayList<>(SIDE_LIST - 1);
        for (int i = 0; i < side.newest().size() && latest.size() < SIDE_LIST - 1; i++) {
            if (side.newest().get(i).id() != a.id()) {
                latest.add(side.newestViews().get(i));
            }
        }
        List<CardView> headlines = side.headlines();
        String extract = insights.of(a.id()).map(i -> i.summary()).orElse(null);
        SiteLayout layout = layouts.layout(heads.article(a, extract), a.channel() == null ? null : a.channel().slug());
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
                a.bodyHtml(),
                extra,
                a.authors().stream().map(n -> new Link(n, ListingPageController.authorUrl(n))).toList(),
                a.tags().stream().map(t -> new Link(t.name(), t.url())).toList(),
                latest,
                headlines,
                alsoReported);
    }
}
