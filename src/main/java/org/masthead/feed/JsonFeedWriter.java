package org.masthead.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written by Jackson. Items carry content_html
 * when feeds are full text, content_text (the summary) otherwise, so each has the content the
 * specification requires; the summary comes with both.
 */
@Component
class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private final JsonMapper json;

    JsonFeedWriter(JsonMapper json) {
        this.json = json;
    }

    byte[] write(FeedContent feed) {
        List<Item> items = feed.entries().stream().map(e -> new Item(
                clean(e.url()),
                clean(e.url()),
                clean(e.originalUrl()),
                clean(e.title()),
                clean(e.contentHtml()),
                e.contentHtml() == null ? clean(e.summary()) : null,
                clean(e.summary()),
                e.image() == null ? null : clean(e.image().url()),
                FeedDates.rfc3339(e.published(), feed.zone()),
                FeedDates.rfc3339(e.updated(), feed.zone()),
                e.authors().isEmpty() ? null : e.authors().stream().map(name -> new Author(clean(name), null)).toList(),
                e.categories().isEmpty() ? null : e.categories().stream().map(JsonFeedWriter::clean).toList(),
                e.source() == null ? null : new Publisher(clean(e.source().name()), clean(e.source().homepage()), clean(e.source().feedUrl()))))
                .toList();
        JsonFeed document = new JsonFeed(VERSION, clean(feed.title()), clean(feed.pageUrl()), clean(feed.feedUrl(FeedFormat.JSON)),
                clean(feed.description()), feed.language().toLanguageTag(), List.of(new Author(clean(feed.publisher()), null)),
                items);
        return json.writeValueAsBytes(document);
    }

    private static String clean(String text) {
        return FeedText.clean(text);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"version", "title", "home_page_url", "feed_url", "description", "language", "authors", "items"})
    record JsonFeed(
            String version,
            String title,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            String description,
            String language,
            List<Author> authors,
            List<Item> items) {}

    /** {@code _masthead_source} is an extension (JSON Feed's rule: custom keys start with an underscore): the publisher. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "date_published",
        "date_modified", "authors", "tags", "_masthead_source"})
    record Item(
            String id,
            String url,
            @JsonProperty("external_url") String externalUrl,
            String title,
            @JsonProperty("content_html") String contentHtml,
            @JsonProperty("content_text") String contentText,
            String summary,
            String image,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<Author> authors,
            List<String> tags,
            @JsonProperty("_masthead_source") Publisher source) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Author(String name, String url) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "url", "feed_url"})
    record Publisher(String name, String url, @JsonProperty("feed_url") String feedUrl) {}
}
