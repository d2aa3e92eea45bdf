package org.masthead.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masthead.channel.Channel;
import org.masthead.channel.Channels;
import org.masthead.platform.Messages;
import org.masthead.search.FacetCount;
import org.masthead.search.Hit;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.search.SearchUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /search?q=…&channel=…&source=…&tag=…&from=…&to=…&sort=relevance|time&page=…}: the public
 * search page, a plain GET form, so every search has an address to share and works without JavaScript.
 * Without a query it shows the form and how to use it (200); parameters it cannot use get the form with
 * what is wrong (400); any other input gets results.
 */
@Controller
class SearchPageController {

    static final int PAGE_SIZE = SearchQuery.DEFAULT_SIZE;

    private final SearchIndex index;
    private final Channels channels;
    private final SiteLayouts layouts;
    private final PageHeads heads;

    SearchPageController(SearchIndex index, Channels channels, SiteLayouts layouts, PageHeads heads) {
        this.index = index;
        this.channels = channels;
        this.layouts = layouts;
        this.heads = heads;
    }

    @GetMapping(SearchForm.PATH)
    ModelAndView search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (request.getAttribute(UndecodableParameters.UNDECODABLE) != null) {
            return undecodable(response);
        }
        SearchForm form = new SearchForm(q, channel, source, tag, from, to, sort, page);
        Messages msg = layouts.messages();
        SearchForm.Checked checked = form.check(layouts.formats().zone(), PAGE_SIZE);
        if (!checked.problems().isEmpty()) {
            List<String> problems = checked.problems().stream().map(p -> msg.get(p.key(), p.args().toArray())).toList();
            return refused(form, problems, HttpStatus.BAD_REQUEST, response);
        }
        if (checked.query() == null) {
            PageHead head = heads.search(null, 1, SearchForm.PATH, 0, false);
            return view(page(form, head, msg.get("search.hint"), List.of(), null), HttpStatus.OK);
        }
        SearchResults results;
        try {
            results = index.search(checked.query());
        } catch (IllegalArgumentException e) {
            // The form's checks cover what the index refuses today; a limit added there later still gets a page, not a 500.
            return refused(form, List.of(msg.get("search.error.query")), HttpStatus.BAD_REQUEST, response);
        }
        PageHead head = heads.search(shown(form.q()), checked.query().page(), form.url(), results.total(), true);
        return view(page(form, head, null, List.of(), results(form, results, msg)), HttpStatus.OK);
    }

    /**
     * Jetty refuses to decode a query string with broken percent-encoding ({@code %C0%AE}) when the
     * parameters are first read, i.e. while this controller's arguments are resolved: a bad request.
     */
    @ExceptionHandler(org.eclipse.jetty.http.BadMessageException.class)
    ModelAndView undecodable(HttpServletResponse response) {
        return refused(new SearchForm(null, null, null, null, null, null, null, null), List.of(layouts.messages().get("search.error.encoding")),
                HttpStatus.BAD_REQUEST, response);
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ModelAndView unavailable(HttpServletResponse response) {
        return refused(new SearchForm(null, null, null, null, null, null, null, null), List.of(layouts.messages().get("search.unavailable")),
                HttpStatus.SERVICE_UNAVAILABLE, response);
    }

    /** The form with what is wrong; not stored by caches (the reader is about to correct it). */
    private ModelAndView refused(SearchForm form, List<String> problems, HttpStatus status, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        PageHead head = heads.search(null, 1, null, 0, true);
        return view(page(form, head, null, problems, null), status);
    }

    private static ModelAndView view(SearchPage page, HttpStatus status) {
        ModelAndView view = new ModelAndView("site/search", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    private SearchPage page(SearchForm form, PageHead head, String hint, List<String> problems, SearchPage.Results results) {
        Messages msg = layouts.messages();
        String heading = results == null ? msg.get("search.heading") : msg.get("search.heading.results", shown(SearchForm.abbreviate(form.q())));
        List<SearchPage.Option> channelOptions = new ArrayList<>();
        channelOptions.add(new SearchPage.Option("", msg.get("search.channel.all"), form.channel() == null));
        boolean known = false;
        for (Channel c : channels.all()) {
            boolean selected = c.name().equals(form.channel()) || c.slug().equals(form.channel());
            known |= selected;
            channelOptions.add(new SearchPage.Option(c.name(), c.name(), selected));
        }
        if (form.channel() != null && !known && form.channel().length() <= SearchForm.MAX_FILTER) {
            // Kept as given, so submitting the form again does not drop it (it finds nothing, and says so).
            channelOptions.add(new SearchPage.Option(form.channel(), form.channel(), true));
        }
        List<SearchPage.Option> sorts = List.of(
                new SearchPage.Option(SearchForm.RELEVANCE, msg.get("search.sort.relevance"), !form.isByTime()),
                new SearchPage.Option(SearchForm.TIME, msg.get("search.sort.time"), form.isByTime()));
        SearchPage.Fields fields = new SearchPage.Fields(shown(form.q()), shown(form.source()), shown(form.tag()), form.validDate(form.from()),
                form.validDate(form.to()));
        return new SearchPage(layouts.layout(head, null), heading, fields, channelOptions, sorts, form.hasFilters(), hint, problems, results);
    }

    private SearchPage.Results results(SearchForm form, SearchResults r, Messages msg) {
        SiteFormats formats = layouts.formats();
        List<SearchPage.HitView> hits = r.hits().stream().map(h -> hit(h, formats, msg)).toList();
        List<String> notices = new ArrayList<>();
        if (r.notice() != null) {
            notices.add(msg.get("search.notice." + r.notice().name(), org.masthead.search.UserQuery.MAX_PARTS));
        }
        if (r.partial()) {
            notices.add(msg.get("search.notice.partial"));
        }
        String empty = null;
        Link emptyAction = null;
        if (r.total() == 0) {
            empty = msg.get("search.none", shown(SearchForm.abbreviate(form.q())));
            if (form.hasFilters()) {
                emptyAction = new Link(msg.get("search.clearFilters"), new SearchForm(form.q(), null, null, null, null, null, null, null).url());
            }
        } else if (hits.isEmpty()) {
            empty = msg.get("search.pageEmpty");
            emptyAction = new Link(msg.get("search.firstPage"), form.withPage(1).url());
        }
        Link didYouMean = r.didYouMean() == null ? null : new Link(r.didYouMean(), form.withQuery(r.didYouMean()).url());
        String took = r.tookMs() < 1 ? msg.get("search.took.under") : msg.get("search.took", r.tookMs());
        return new SearchPage.Results(
                r.articles() > r.total() ? msg.get("search.summary.stories", r.total(), r.articles()) : msg.get("search.summary", r.total()),
                took,
                empty,
                emptyAction,
                (r.page() - 1) * r.size() + 1,
                hits,
                notices,
                didYouMean,
                activeFilters(form, msg),
                List.of(
                        facet("facet-channel", msg.get("search.facets.channel"), r.channels(), form.channel(), form::withChannel),
                        facet("facet-source", msg.get("search.facets.source"), r.sources(), form.source(), form::withSource)),
                pagination(form, r, msg));
    }

    private static SearchPage.HitView hit(Hit h, SiteFormats formats, Messages msg) {
        String also = h.otherSources() > 0 ? msg.get("search.hit.otherSources", h.otherSources())
                : h.others().isEmpty() ? null : msg.get("search.hit.otherArticles", h.storyArticles() - 1);
        List<Link> others = h.others().stream()
                .map(o -> new Link(o.source() == null ? o.title() : msg.get("search.hit.other", o.source(), o.title()), o.url()))
                .toList();
        int unlisted = h.storyArticles() - 1 - others.size();
        return new SearchPage.HitView(h.titleHtml(), h.url(), h.snippet(), h.source(), h.channel(), formats.full(h.publishedAt()),
                formats.machine(h.publishedAt()), also, others, unlisted > 0 ? msg.get("search.hit.moreOthers", unlisted) : null);
    }

    private static SearchPage.FacetGroup facet(String id, String heading, List<FacetCount> counts, String current,
            java.util.function.Function<String, SearchForm> narrowed) {
        return new SearchPage.FacetGroup(id, heading, counts.stream()
                .map(c -> new SearchPage.FacetValue(c.value(), c.count(), c.value().equals(current) ? null : narrowed.apply(c.value()).url()))
                .toList());
    }

    private static List<SearchPage.ActiveFilter> activeFilters(SearchForm form, Messages msg) {
        List<SearchPage.ActiveFilter> filters = new ArrayList<>();
        if (form.channel() != null) {
            filters.add(active(msg, msg.get("search.filter.channel", form.channel()), form.withChannel(null)));
        }
        if (form.source() != null) {
            filters.add(active(msg, msg.get("search.filter.source", form.source()), form.withSource(null)));
        }
        if (form.tag() != null) {
            filters.add(active(msg, msg.get("search.filter.tag", form.tag()), form.withTag(null)));
        }
        if (form.from() != null || form.to() != null) {
            String label = form.from() == null ? msg.get("search.filter.to", form.to())
                    : form.to() == null ? msg.get("search.filter.from", form.from())
                    : msg.get("search.filter.dates", form.from(), form.to());
            filters.add(active(msg, label, form.withDates(null, null)));
        }
        if (form.isByTime()) {
            filters.add(active(msg, msg.get("search.filter.sort"), form.withSort(null)));
        }
        return filters;
    }

    private static SearchPage.ActiveFilter active(Messages msg, String label, SearchForm without) {
        return new SearchPage.ActiveFilter(label, without.url(), msg.get("search.remove", label));
    }

    private static SearchPage.Pagination pagination(SearchForm form, SearchResults r, Messages msg) {
        int total = r.totalPages();
        int current = r.page();
        if (total <= 1 || r.total() == 0) {
            return new SearchPage.Pagination(null, null, List.of(), null);
        }
        List<SearchPage.PageLink> pages = SearchPage.pageWindow(current, total).stream()
                .map(n -> n == 0 ? new SearchPage.PageLink(0, null, false, true)
                        : new SearchPage.PageLink(n, n == current ? null : form.withPage(n).url(), n == current, false))
                .toList();
        return new SearchPage.Pagination(
                current > 1 ? form.withPage(Math.min(current - 1, total)).url() : null,
                current < total ? form.withPage(current + 1).url() : null,
                pages,
                msg.get("pagination.position", String.valueOf(Math.min(current, total)), String.valueOf(total)));
    }

    /**
     * Text typed by a reader, shown again in the form: control characters (which the search treats as
     * spaces, and which HTML may not contain) become spaces; everything else is kept for the template to escape.
     */
    static String shown(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(isUnshowable(cp) ? ' ' : cp));
        return out.toString();
    }

    /** Controls, lone surrogates and noncharacters (U+FDD0…U+FDEF, U+xFFFE, U+xFFFF): not allowed in HTML, and no one types them. */
    private static boolean isUnshowable(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.SURROGATE || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
