package org.masthead.ingest.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.masthead.text.BodyHtml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 (through Rome) and JSON Feed 1.0/1.1 (Rome has none) from
 * already decoded text. Hostile input is expected: DOCTYPEs are removed before parsing (no entity
 * expansion, no external fetches: XXE and billion-laughs have nothing to work with), HTML entities
 * that XML lacks are healed, and anything else wrong ends in a {@link FeedParseException} with the
 * reason, never another exception.
 *
 * <p>Dates Rome cannot read (Chinese sites write 2023-08-29 09:18, 昨天 23:01, 3分钟前 …) are read
 * from the raw element by {@link ChineseDates} in the site's zone.
 */
public final class FeedParsing {

    /** More items than this in one document are ignored: no news feed needs them. */
    public static final int MAX_ITEMS = 500;
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE(?:[^\\[>]|\\[[^\\]]*\\])*>", Pattern.CASE_INSENSITIVE);
    private static final Set<String> DATE_ELEMENTS = Set.of("pubDate", "date", "published", "issued", "updated", "modified", "created", "pubdate");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final ZoneId zone;

    public FeedParsing(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param text the feed, decoded
     * @param base where it was fetched from, to make relative links absolute (may be null)
     */
    public ParsedFeed parse(String text, URI base) throws FeedParseException {
        if (text == null || text.isBlank()) {
            throw new FeedParseException("empty document");
        }
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                return parseJson(trimmed, base);
            }
            if (!trimmed.startsWith("<")) {
                throw new FeedParseException("not a feed: the document starts with neither '<' nor '{'");
            }
            return parseXml(trimmed, base);
        } catch (FeedParseException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Rome and JDOM throw assorted runtime exceptions on odd input; none may escape a poll.
            throw new FeedParseException("unreadable feed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
        }
    }

    private ParsedFeed parseXml(String text, URI base) throws FeedParseException {
        String withoutDoctype = DOCTYPE.matcher(text).replaceAll("");
        Document document;
        try {
            SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
            builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
            builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            builder.setExpandEntities(false);
            document = builder.build(new XmlFixerReader(new StringReader(withoutDoctype)));
        } catch (JDOMException e) {
            throw new FeedParseException("not well-formed XML: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new FeedParseException("cannot read the XML: " + e.getMessage(), e);
        }
        Element root = document.getRootElement();
        if (root.getName().equalsIgnoreCase("rss") && root.getChildren().stream().noneMatch(e -> e.getName().equalsIgnoreCase("channel"))) {
            // An RSS document with no channel is an empty feed, not an error (Rome would fail on it).
            return new ParsedFeed("rss", null, null, List.of());
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
            feed = input.build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not an RSS or Atom feed: " + firstLine(e.getMessage()), e);
        }
        List<Element> rawItems = rawItems(document.getRootElement());
        URI feedBase = baseOf(base, feed.getLink());
        List<FeedItem> items = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size() && items.size() < MAX_ITEMS; i++) {
            Element raw = rawItems.size() == entries.size() ? rawItems.get(i) : null;
            items.add(item(entries.get(i), raw, feedBase));
        }
        return new ParsedFeed(feed.getFeedType(), clean(feed.getTitle()), absolute(feedBase, feed.getLink()), items);
    }

    private FeedItem item(SyndEntry entry, Element raw, URI base) {
        String content = null;
        for (SyndContent c : entry.getContents()) {
            String html = asHtml(c);
            if (html != null && !html.isBlank() && (content == null || html.length() > content.length())) {
                content = html;
            }
        }
        String summary = entry.getDescription() == null ? null : asHtml(entry.getDescription());
        String link = absolute(base, entry.getLink());
        if (link == null && entry.getLinks() != null && !entry.getLinks().isEmpty()) {
            link = absolute(base, entry.getLinks().getFirst().getHref());
        }
        Instant published = entry.getPublishedDate() == null ? null : entry.getPublishedDate().toInstant();
        Instant updated = entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant();
        if (published == null && updated == null && raw != null) {
            published = rawDate(raw);
        }
        Set<String> authors = new LinkedHashSet<>();
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            authors.add(entry.getAuthor().strip());
        }
        for (SyndPerson p : entry.getAuthors()) {
            if (p.getName() != null && !p.getName().isBlank()) {
                authors.add(p.getName().strip());
            }
        }
        List<String> categories = new ArrayList<>();
        for (SyndCategory c : entry.getCategories()) {
            if (c.getName() != null && !c.getName().isBlank() && !categories.contains(c.getName().strip())) {
                categories.add(c.getName().strip());
            }
        }
        String image = null;
        for (SyndEnclosure e : entry.getEnclosures()) {
            if (e.getType() != null && e.getType().startsWith("image/") && e.getUrl() != null) {
                image = absolute(base, e.getUrl());
                break;
            }
        }
        return new FeedItem(clean(entry.getUri()), link, clean(entry.getTitle()), content, summary, published, updated,
                List.copyOf(authors), categories, image);
    }

    /** Atom says whether content is text or markup; text becomes HTML here so it is shown as written. */
    private static String asHtml(SyndContent c) {
        String value = c.getValue();
        if (value == null) {
            return null;
        }
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain") ? BodyHtml.fromPlainText(value) : value;
    }

    private Instant rawDate(Element item) {
        for (Element child : item.getChildren()) {
            if (DATE_ELEMENTS.contains(child.getName())) {
                var when = ChineseDates.parse(child.getTextTrim(), clock.instant(), zone);
                if (when.isPresent()) {
                    return when.get();
                }
            }
        }
        return null;
    }

    /** The item or entry elements in document order, as Rome reads them. */
    private static List<Element> rawItems(Element root) {
        List<Element> found = new ArrayList<>();
        for (Element child : root.getChildren()) {
            if (child.getName().equals("item") || child.getName().equals("entry")) {
                found.add(child);
            } else if (child.getName().equals("channel")) {
                for (Element grandchild : child.getChildren()) {
                    if (grandchild.getName().equals("item")) {
                        found.add(grandchild);
                    }
                }
            }
        }
        return found;
    }

    private ParsedFeed parseJson(String text, URI base) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new FeedParseException("not valid JSON: " + firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedParseException("not a JSON Feed: the document is not an object");
        }
        String version = root.path("version").asString("");
        if (!version.startsWith("https://jsonfeed.org/version/") && !version.startsWith("http://jsonfeed.org/version/")) {
            throw new FeedParseException("not a JSON Feed: \"version\" is " + (version.isEmpty() ? "missing" : "\"" + version + "\""));
        }
        if (!root.path("items").isArray()) {
            throw new FeedParseException("not a JSON Feed: \"items\" is not an array");
        }
        String home = textOf(root, "home_page_url");
        URI feedBase = baseOf(base, home);
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (items.size() >= MAX_ITEMS) {
                break;
            }
            if (!item.isObject()) {
                continue;
            }
            String contentHtml = textOf(item, "content_html");
            String contentText = textOf(item, "content_text");
            String content = contentHtml != null ? contentHtml : contentText == null ? null : BodyHtml.fromPlainText(contentText);
            String summary = textOf(item, "summary");
            List<String> authors = new ArrayList<>();
            for (JsonNode a : item.path("authors")) {
                if (textOf(a, "name") != null) {
                    authors.add(textOf(a, "name"));
                }
            }
            if (authors.isEmpty() && textOf(item.path("author"), "name") != null) {
                authors.add(textOf(item.path("author"), "name"));
            }
            List<String> tags = new ArrayList<>();
            for (JsonNode t : item.path("tags")) {
                if (t.isString() && !t.asString().isBlank()) {
                    tags.add(t.asString().strip());
                }
            }
            String id = item.path("id").isValueNode() && !item.path("id").isNull() ? item.path("id").asString() : null;
            String link = absolute(feedBase, textOf(item, "url"));
            items.add(new FeedItem(clean(id), link, clean(textOf(item, "title")), content,
                    summary == null ? null : BodyHtml.fromPlainText(summary), jsonDate(textOf(item, "date_published")), jsonDate(textOf(item, "date_modified")),
                    authors, tags, absolute(feedBase, textOf(item, "image") != null ? textOf(item, "image") : textOf(item, "banner_image"))));
        }
        return new ParsedFeed("json_" + version.substring(version.lastIndexOf('/') + 1), clean(textOf(root, "title")), absolute(feedBase, home), items);
    }

    private Instant jsonDate(String text) {
        return text == null ? null : ChineseDates.parse(text, clock.instant(), zone).orElse(null);
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static URI baseOf(URI fetchedFrom, String feedLink) {
        URI link = toUri(feedLink);
        if (link != null && link.isAbsolute()) {
            return link;
        }
        return fetchedFrom;
    }

    /** The link made absolute against the base when it is relative; null when it is unusable. */
    static String absolute(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        URI uri = toUri(link.strip());
        if (uri == null) {
            return null;
        }
        if (!uri.isAbsolute()) {
            if (base == null) {
                return null;
            }
            try {
                uri = base.resolve(uri);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? uri.toString() : null;
    }

    private static URI toUri(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new URI(text.strip().replace(" ", "%20"));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return s.isEmpty() ? null : s;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int cut = message.indexOf('\n');
        String line = cut < 0 ? message : message.substring(0, cut);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
