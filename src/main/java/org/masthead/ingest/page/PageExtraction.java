package org.masthead.ingest.page;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.masthead.ingest.feed.ChineseDates;
import org.masthead.text.BodyHtml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the article in a web page: the body by Mozilla Readability's algorithm (Readability4J),
 * everything else preferably from what the page says about itself — JSON-LD {@code NewsArticle}
 * (headline, datePublished, author, image, publisher, articleBody), Open Graph, and {@code <meta>}
 * (author, pubdate …) — which is more reliable than guessing from the layout. When Readability finds
 * too little, the JSON-LD articleBody stands in. Chosen by measurement: bench/README.md, "extraction".
 */
public final class PageExtraction {

    /** Less text than this in what Readability kept means it missed the article. */
    static final int MIN_TEXT = 80;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
            "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "webpage", "liveblogposting", "techarticle", "scholarlyarticle");

    private final Clock clock;
    private final ZoneId zone;

    public PageExtraction(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @throws PageExtractionException when no article text can be found
     */
    public ExtractedPage extract(String html, URI url) throws PageExtractionException {
        if (html == null || html.isBlank()) {
            throw new PageExtractionException("the page is empty");
        }
        Document doc;
        try {
            doc = Jsoup.parse(html, url.toString());
        } catch (RuntimeException e) {
            throw new PageExtractionException("the page cannot be parsed as HTML: " + e.getMessage());
        }
        JsonNode ld = jsonLdArticle(doc);
        String body = null;
        String readabilityTitle = null;
        String byline = null;
        String excerpt = null;
        try {
            Article article = new Readability4J(url.toString(), doc.clone()).parse();
            String content = article.getContent();
            if (content != null && textLength(content) >= MIN_TEXT) {
                body = content;
            }
            readabilityTitle = article.getTitle();
            byline = article.getByline();
            excerpt = article.getExcerpt();
        } catch (RuntimeException | StackOverflowError e) {
            // Readability failing on odd markup is not the end: the page's own metadata may carry the text.
        }
        String ldBody = text(ld, "articleBody");
        if ((body == null || textLength(body) < MIN_TEXT) && ldBody != null && ldBody.strip().length() >= MIN_TEXT) {
            body = BodyHtml.fromPlainText(ldBody);
        }
        if (body == null) {
            throw new PageExtractionException("no article text found in the page (Readability kept under " + MIN_TEXT + " characters and the page has no JSON-LD articleBody)");
        }
        String title = first(text(ld, "headline"), meta(doc, "og:title"), meta(doc, "twitter:title"), readabilityTitle, doc.title());
        if (title == null) {
            throw new PageExtractionException("no title found in the page");
        }
        Instant published = firstDate(text(ld, "datePublished"), meta(doc, "article:published_time"), meta(doc, "pubdate"), meta(doc, "publishdate"),
                meta(doc, "publish_date"), meta(doc, "PubDate"), meta(doc, "og:release_date"), meta(doc, "dc.date"), meta(doc, "dc.date.issued"),
                meta(doc, "date"), itemprop(doc, "datePublished"), timeElement(doc), text(ld, "dateModified"));
        List<String> authors = authors(ld);
        if (authors.isEmpty()) {
            for (String candidate : new String[] {meta(doc, "author"), meta(doc, "article:author"), meta(doc, "dc.creator"), byline}) {
                if (candidate != null && !candidate.isBlank() && candidate.length() <= 60 && !candidate.startsWith("http")) {
                    authors.add(candidate.strip());
                    break;
                }
            }
        }
        String image = absolute(url, first(meta(doc, "og:image"), meta(doc, "twitter:image"), image(ld)));
        if (image == null) {
            Element img = Jsoup.parseBodyFragment(body, url.toString()).selectFirst("img[src]");
            image = img == null ? null : absolute(url, img.absUrl("src"));
        }
        String publisher = first(ld == null ? null : text(ld.path("publisher"), "name"), meta(doc, "og:site_name"), meta(doc, "application-name"));
        Element canonicalLink = doc.selectFirst("link[rel=canonical][href]");
        String canonical = absolute(url, first(canonicalLink == null ? null : canonicalLink.attr("href"), meta(doc, "og:url")));
        return new ExtractedPage(title.strip(), body, first(meta(doc, "description"), meta(doc, "og:description"), excerpt), published, authors, image,
                publisher, canonical);
    }

    /** The first JSON-LD object that is an article, looking inside arrays and @graph. */
    static JsonNode jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = findArticle(JSON.readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (JacksonException e) {
                // broken JSON-LD is common; the next block or the other metadata may do
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode type = node.path("@type");
        List<String> types = new ArrayList<>();
        if (type.isString()) {
            types.add(type.asString());
        } else {
            type.forEach(t -> types.add(t.asString("")));
        }
        if (types.stream().anyMatch(t -> ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT))) && (node.has("headline") || node.has("articleBody"))) {
            return node;
        }
        return findArticle(node.path("@graph").isMissingNode() ? null : node.path("@graph"));
    }

    private static List<String> authors(JsonNode ld) {
        Set<String> names = new LinkedHashSet<>();
        if (ld != null) {
            JsonNode author = ld.path("author");
            List<JsonNode> list = new ArrayList<>();
            if (author.isArray()) {
                author.forEach(list::add);
            } else if (!author.isMissingNode()) {
                list.add(author);
            }
            for (JsonNode a : list) {
                String name = a.isString() ? a.asString() : text(a, "name");
                if (name != null && !name.isBlank() && name.length() <= 60) {
                    names.add(name.strip());
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static String image(JsonNode ld) {
        if (ld == null) {
            return null;
        }
        JsonNode image = ld.path("image");
        if (image.isArray() && !image.isEmpty()) {
            image = image.get(0);
        }
        return image.isString() ? image.asString() : text(image, "url");
    }

    private Instant firstDate(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                Optional<Instant> when = ChineseDates.parse(c, clock.instant(), zone);
                if (when.isPresent()) {
                    return when.get();
                }
            }
        }
        return null;
    }

    private static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
            if (name.equalsIgnoreCase(m.attr("property")) || name.equalsIgnoreCase(m.attr("name")) || name.equalsIgnoreCase(m.attr("itemprop"))) {
                String content = m.attr("content").strip();
                if (!content.isEmpty()) {
                    return content;
                }
            }
        }
        return null;
    }

    private static String itemprop(Document doc, String name) {
        Element e = doc.selectFirst("[itemprop=" + name + "]");
        if (e == null) {
            return null;
        }
        return e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
    }

    private static String timeElement(Document doc) {
        Element time = doc.selectFirst("time[datetime]");
        return time == null ? null : time.attr("datetime");
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String absolute(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = base.resolve(new URI(link.strip().replace(" ", "%20")));
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? resolved.toString() : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int textLength(String html) {
        return Jsoup.parseBodyFragment(html).text().strip().length();
    }
}
