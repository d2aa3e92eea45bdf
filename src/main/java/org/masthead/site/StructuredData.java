package org.masthead.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-LD (schema.org) for the head of a page, written by Jackson and made safe to print inside
 * {@code <script type="application/ld+json">}: a title containing {@code </script>} cannot end the element.
 */
@Component
class StructuredData {

    private final JsonMapper json;

    StructuredData(JsonMapper json) {
        this.json = json;
    }

    /** An organisation, with a logo for the publisher of articles and the home page. */
    record Organization(String name, String url, String logoUrl, int logoSize) {}

    /** An article page's facts, every URL absolute, every time ISO-8601 with offset. */
    record NewsArticle(
            String url,
            String headline,
            String description,
            String datePublished,
            String dateModified,
            List<Person> authors,
            Organization sourceOrganization,
            Organization publisher,
            List<String> images,
            String section,
            List<String> keywords,
            String basedOn,
            String language) {}

    /** A byline name and the site's page of that author's articles. */
    record Person(String name, String url) {}

    /** One step of the breadcrumb trail; the last one is the page itself. */
    record Crumb(String name, String url) {}

    /** {@code NewsArticle} and its {@code BreadcrumbList}, in one {@code @graph}. */
    String article(NewsArticle a, List<Crumb> trail) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@type", "NewsArticle");
        article.put("@id", a.url() + "#article");
        article.put("mainEntityOfPage", node("@type", "WebPage", "@id", a.url()));
        article.put("url", a.url());
        article.put("headline", a.headline());
        putIfPresent(article, "description", a.description());
        article.put("datePublished", a.datePublished());
        article.put("dateModified", a.dateModified());
        putIfPresent(article, "inLanguage", a.language());
        if (!a.authors().isEmpty()) {
            article.put("author", a.authors().stream().map(p -> (Object) node("@type", "Person", "name", p.name(), "url", p.url())).toList());
        } else {
            // Without a byline the publisher of the original (来源) wrote it; without either, the site did.
            article.put("author", organization(a.sourceOrganization() != null ? a.sourceOrganization() : a.publisher()));
        }
        article.put("publisher", organization(a.publisher()));
        if (!a.images().isEmpty()) {
            article.put("image", a.images());
        }
        putIfPresent(article, "articleSection", a.section());
        if (!a.keywords().isEmpty()) {
            article.put("keywords", a.keywords());
        }
        putIfPresent(article, "isBasedOn", a.basedOn());
        return write(graph(List.of(article, breadcrumbs(trail))));
    }

    /**
     * The home page: the site with a search box for search engines (the {@code SearchAction} opens the search
     * page, {@code /search?q=…}), and its organisation.
     */
    String website(String homeUrl, String name, String description, String language, Organization publisher) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("@type", "WebSite");
        site.put("@id", homeUrl + "#website");
        site.put("url", homeUrl);
        site.put("name", name);
        putIfPresent(site, "description", description);
        putIfPresent(site, "inLanguage", language);
        site.put("publisher", node("@id", homeUrl + "#organization"));
        site.put("potentialAction", node(
                "@type", "SearchAction",
                "target", node("@type", "EntryPoint", "urlTemplate", homeUrl + "search?q={search_term_string}"),
                "query-input", "required name=search_term_string"));
        Map<String, Object> organization = organization(publisher);
        organization.put("@id", homeUrl + "#organization");
        return write(graph(List.of(site, organization)));
    }

    private static Map<String, Object> breadcrumbs(List<Crumb> trail) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < trail.size(); i++) {
            Crumb crumb = trail.get(i);
            items.add(node("@type", "ListItem", "position", i + 1, "name", crumb.name(), "item", crumb.url()));
        }
        return node("@type", "BreadcrumbList", "itemListElement", items);
    }

    private static Map<String, Object> organization(Organization o) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", "Organization");
        node.put("name", o.name());
        putIfPresent(node, "url", o.url());
        if (o.logoUrl() != null) {
            node.put("logo", node("@type", "ImageObject", "url", o.logoUrl(), "width", o.logoSize(), "height", o.logoSize()));
        }
        return node;
    }

    private static Map<String, Object> graph(List<Object> nodes) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@graph", nodes);
        return root;
    }

    /**
     * An object with its keys in the order given. Never {@code Map.of}: its order changes from one JVM to the
     * next, and so would the page's bytes and its ETag, from restart to restart and node to node.
     */
    private static Map<String, Object> node(Object... keysAndValues) {
        Map<String, Object> node = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return node;
    }

    private static void putIfPresent(Map<String, Object> node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, value);
        }
    }

    private String write(Object tree) {
        return scriptSafe(json.writeValueAsString(tree));
    }

    /**
     * JSON that can stand inside a {@code <script>} element: {@code <}, {@code >} and {@code &} only occur inside
     * JSON strings, where {@code \u003c} means the same, so escaping them changes no value yet leaves no
     * {@code </script>} or {@code <!--} for the HTML parser to find. U+2028 and U+2029 are escaped for
     * JavaScript engines older than ES2019 that read the block as script.
     */
    static String scriptSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
