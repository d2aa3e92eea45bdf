package org.masthead.feed;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * RSS 2.0, written by Rome. Each item has a permalink guid (its address), an RFC 822 pubDate with
 * the site zone's offset, dc:creator for each author, the publisher as {@code <source>}, the cover
 * image as enclosure, and the summary as description; with full text on, the body as
 * content:encoded.
 */
@Component
class RssWriter {

    static final String SPEC = "https://www.rssboard.org/rss-specification";

    byte[] write(FeedContent feed) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(FeedText.clean(feed.title()));
        channel.setLink(FeedText.clean(feed.pageUrl()));
        channel.setDescription(FeedText.clean(feed.description()));
        channel.setLanguage(feed.language().toLanguageTag());
        channel.setGenerator("Masthead");
        channel.setDocs(SPEC);
        if (feed.updated() != null) {
            channel.setLastBuildDate(Date.from(feed.updated()));
        }
        List<Item> items = new ArrayList<>();
        for (FeedContent.Entry entry : feed.entries()) {
            items.add(item(entry));
        }
        channel.setItems(items);
        Document document;
        try {
            document = new WireFeedOutput().outputJDom(channel);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused the RSS feed " + feed.feedUrl(FeedFormat.RSS), e);
        }
        Element root = document.getRootElement();
        root.addNamespaceDeclaration(FeedXml.ATOM);
        Element rssChannel = root.getChild("channel");
        // Feed readers find the feed's own address here (and the W3C validator asks for it).
        Element self = new Element("link", FeedXml.ATOM)
                .setAttribute("href", FeedText.clean(feed.feedUrl(FeedFormat.RSS)))
                .setAttribute("rel", "self")
                .setAttribute("type", "application/rss+xml");
        rssChannel.addContent(rssChannel.indexOf(rssChannel.getChild("link")) + 1, self);
        // Rome leaves out isPermaLink="true" as the default; say it, so no reader has to know that.
        for (Element item : rssChannel.getChildren("item")) {
            Element guid = item.getChild("guid");
            if (guid != null && guid.getAttribute("isPermaLink") == null) {
                guid.setAttribute("isPermaLink", "true");
            }
        }
        for (String name : List.of("pubDate", "lastBuildDate")) {
            FeedXml.rezoneDates(document, name, Namespace.NO_NAMESPACE, DateTimeFormatter.RFC_1123_DATE_TIME, feed.zone());
        }
        return FeedXml.bytes(document);
    }

    private static Item item(FeedContent.Entry entry) {
        Item item = new Item();
        item.setTitle(FeedText.clean(entry.title()));
        item.setLink(FeedText.clean(entry.url()));
        Guid guid = new Guid();
        guid.setPermaLink(true);
        guid.setValue(FeedText.clean(entry.url()));
        item.setGuid(guid);
        item.setPubDate(Date.from(entry.published()));
        // RSS descriptions are HTML: the plain-text summary is escaped once as HTML, then once more as XML.
        Description description = new Description();
        description.setType("text/html");
        description.setValue(FeedText.clean(HtmlUtils.htmlEscape(entry.summary(), "UTF-8")));
        item.setDescription(description);
        if (entry.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(FeedText.clean(entry.contentHtml()));
            item.setContent(content);
        }
        if (entry.source() != null) {
            Source source = new Source();
            source.setUrl(FeedText.clean(entry.source().feedUrl()));
            source.setValue(FeedText.clean(entry.source().name()));
            item.setSource(source);
        }
        // RSS requires the enclosure's type; an image whose type is unknown is left out rather than mislabelled.
        // Its size is unknown without fetching it: 0 is what the RSS Best Practices Profile asks for then.
        if (entry.image() != null && entry.image().type() != null) {
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(FeedText.clean(entry.image().url()));
            enclosure.setType(entry.image().type());
            enclosure.setLength(0);
            item.setEnclosures(List.of(enclosure));
        }
        List<Category> categories = new ArrayList<>();
        for (String name : entry.categories()) {
            Category category = new Category();
            category.setValue(FeedText.clean(name));
            categories.add(category);
        }
        item.setCategories(categories);
        if (!entry.authors().isEmpty()) {
            // RSS <author> must be an e-mail address; Dublin Core's creator is the name.
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreators(entry.authors().stream().map(FeedText::clean).toList());
            List<Module> modules = new ArrayList<>(item.getModules());
            modules.add(dc);
            item.setModules(modules);
        }
        return item;
    }
}
