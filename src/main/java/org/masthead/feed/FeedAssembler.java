package org.masthead.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticleLists;
import org.masthead.article.Figure;
import org.masthead.channel.Channels;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.masthead.source.Sources;
import org.masthead.tag.Tag;
import org.masthead.tag.Tags;
import org.masthead.text.Excerpt;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the feed of the whole site, a channel (栏目), a tag (标签) or a source (来源) from the read
 * models and the site settings: titles, absolute addresses, summaries or full text.
 */
@Component
@EnableConfigurationProperties(FeedSettings.class)
class FeedAssembler {

    /** Feeds are in the site's language; the site is Chinese (spring.web.locale). */
    static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final ArticleLists articles;
    private final Channels channels;
    private final Tags tags;
    private final Sources sources;
    private final SiteSettingsStore settings;
    private final FeedSettings feeds;
    private final MessageSource messages;

    FeedAssembler(ArticleLists articles, Channels channels, Tags tags, Sources sources, SiteSettingsStore settings, FeedSettings feeds,
            MessageSource messages) {
        this.articles = articles;
        this.channels = channels;
        this.tags = tags;
        this.sources = sources;
        this.settings = settings;
        this.feeds = feeds;
        this.messages = messages;
    }

    FeedContent site() {
        SiteSettings s = settings.current();
        String description = s.tagline() == null || s.tagline().isBlank() ? message("list.latest") : s.tagline();
        return assemble(s, s.name(), description, "", "/", ArticleFilter.visible());
    }

    Optional<FeedContent> channel(String slug) {
        return channels.bySlug(slug).map(c -> list("list.channel", c.name(), c.url(), ArticleFilter.visible().inChannel(c.id())));
    }

    Optional<FeedContent> tag(String name) {
        return tags.byName(name).map(t -> list("list.tag", t.name(), t.url(), ArticleFilter.visible().taggedWith(t.id())));
    }

    Optional<FeedContent> source(long id) {
        return sources.byId(id).map(p -> list("list.source", p.name(), p.url(), ArticleFilter.visible().fromSource(p.id())));
    }

    private FeedContent list(String kindKey, String name, String path, ArticleFilter filter) {
        SiteSettings s = settings.current();
        return assemble(s, name + " — " + s.name(), message("list.description", message(kindKey), name), path, path, filter);
    }

    private FeedContent assemble(SiteSettings s, String title, String description, String feedPath, String pagePath, ArticleFilter filter) {
        String base = s.baseUrl();
        List<FeedContent.Entry> entries = articles.newestVisible(filter, feeds.size()).stream().map(a -> entry(a, base)).toList();
        Instant updated = entries.stream().map(FeedContent.Entry::updated).max(Comparator.naturalOrder()).orElse(null);
        return new FeedContent(title, description, base + pagePath, base + feedPath, LANGUAGE, s.name(), updated, s.timeZone(), entries);
    }

    private FeedContent.Entry entry(ArticleDetail a, String base) {
        String url = base + a.url();
        Set<String> categories = new LinkedHashSet<>();
        if (a.channel() != null) {
            categories.add(a.channel().name());
        }
        a.tags().stream().map(Tag::name).forEach(categories::add);
        return new FeedContent.Entry(
                url,
                a.title(),
                Excerpt.of(a.excerptSource(), feeds.summaryLength()),
                feeds.fullText() ? fullText(a, base) : null,
                a.publishedAt(),
                a.updatedAt().isAfter(a.publishedAt()) ? a.updatedAt() : a.publishedAt(),
                a.authors(),
                new ArrayList<>(categories),
                a.source() == null ? null : new FeedContent.Publisher(a.source().name(), base + a.source().url() + "/" + FeedFormat.RSS.fileName(),
                        a.source().homepage()),
                a.originalUrl(),
                a.coverImage() == null || a.coverImage().isBlank() ? null : FeedContent.Image.of(absolute(base, a.coverImage())));
    }

    /**
     * The body as the article page shows it, with the images given beside it that the body does not
     * already show, and every link and image address made absolute: a feed reader shows the HTML far
     * from this site, where a relative address leads nowhere.
     */
    static String fullText(ArticleDetail a, String base) {
        Document html = Jsoup.parseBodyFragment(a.bodyHtml(), base + "/");
        Element body = html.body();
        for (Figure figure : a.figures()) {
            if (!a.bodyHtml().contains(figure.url())) {
                Element shown = body.appendElement("figure");
                shown.appendElement("img").attr("src", figure.url()).attr("alt", figure.caption() == null ? "" : figure.caption());
                if (figure.caption() != null) {
                    shown.appendElement("figcaption").text(figure.caption());
                }
            }
        }
        for (Element linked : body.select("[href]")) {
            linked.attr("href", linked.absUrl("href").isEmpty() ? linked.attr("href") : linked.absUrl("href"));
        }
        for (Element image : body.select("[src]")) {
            image.attr("src", image.absUrl("src").isEmpty() ? image.attr("src") : image.absUrl("src"));
        }
        html.outputSettings().prettyPrint(false);
        return body.html();
    }

    private static String absolute(String base, String url) {
        return url.startsWith("/") && !url.startsWith("//") ? base + url : url;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LANGUAGE);
    }
}
