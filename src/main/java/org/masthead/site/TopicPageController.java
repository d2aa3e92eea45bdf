package org.masthead.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleLists;
import org.masthead.media.Rendition;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicEntry;
import org.masthead.topic.Topics;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /topic/{slug}}: a special topic (专题); {@code /topics}: all of them. Kept by the page cache like the lists. */
@Controller
class TopicPageController {

    private final Topics topics;
    private final ArticleLists articles;
    private final SiteLayouts layouts;
    private final PageHeads heads;
    private final ResponsiveImages images;

    TopicPageController(Topics topics, ArticleLists articles, SiteLayouts layouts, PageHeads heads, ResponsiveImages images) {
        this.images = images;
        this.topics = topics;
        this.articles = articles;
        this.layouts = layouts;
        this.heads = heads;
    }

    @GetMapping("/topic/{slug}")
    String topic(@PathVariable String slug, Model model) {
        Topic topic = topics.bySlug(slug).orElseThrow(() -> topics.formerSlug(slug)
                .<RuntimeException>map(moved -> new ListingPageController.Moved(moved.url(), null))
                .orElseGet(() -> new NotFound("topic " + slug)));
        List<TopicEntry> entries = topics.entries(topic.id());
        Map<Long, ArticleCard> visible = articles.visibleByIds(entries.stream().map(TopicEntry::articleId).toList()).stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
        SiteFormats formats = layouts.formats();
        int excerpt = layouts.settings().excerptLength();
        // The topic's cover and its cards' covers: one look-up for all.
        Map<String, Rendition> found = images.lookUp(java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(topic.coverImage()),
                visible.values().stream().map(ArticleCard::coverImage).filter(Objects::nonNull)));
        List<TopicPage.Section> sections = new ArrayList<>();
        List<CardView> all = new ArrayList<>();
        String heading = null;
        List<CardView> current = null;
        for (TopicEntry entry : entries) {
            ArticleCard card = visible.get(entry.articleId());
            if (card == null) {
                continue; // not visible (yet or any more): the topic keeps it, readers do not see it
            }
            if (current == null || !Objects.equals(heading, entry.section())) {
                heading = entry.section();
                current = new ArrayList<>();
                sections.add(new TopicPage.Section(heading, current));
            }
            CardView view = CardView.of(card, formats, excerpt, found);
            current.add(view);
            all.add(view);
        }
        List<CardView> headlines = articles.headlines(ArticlePageController.SIDE_LIST).stream().map(c -> CardView.of(c, formats, excerpt)).toList();
        model.addAttribute("page", new TopicPage(layouts.layout(heads.topic(topic.title(), topic.summary(), topic.url(), topic.coverImage(), all), null),
                topic.title(), topic.summary(), cover(topic.coverImage(), found),
                sections.stream().map(s -> new TopicPage.Section(s.heading(), List.copyOf(s.items()))).toList(), headlines));
        return "site/topic";
    }

    /** The cover heads the page: a library image loads at once with its srcset; one from elsewhere as before. */
    private static ImageView cover(String url, Map<String, Rendition> found) {
        if (url == null) {
            return null;
        }
        Rendition r = found.get(url);
        return r == null ? ImageView.external(url, "") : ResponsiveImages.column(r, "", true);
    }

    /** A renamed topic: its old address answers 301 to the new one, as a renamed channel's does. */
    @ExceptionHandler(ListingPageController.Moved.class)
    ResponseEntity<Void> moved(ListingPageController.Moved moved) {
        return ListingPageController.movedPermanently(moved);
    }

    @GetMapping("/topics")
    String topics(Model model) {
        SiteFormats formats = layouts.formats();
        int excerpt = layouts.settings().excerptLength();
        List<TopicsPage.Item> items = topics.all().stream()
                .map(t -> new TopicsPage.Item(t.title(), t.url(), t.summary(), t.coverImage())).toList();
        List<CardView> headlines = articles.headlines(ArticlePageController.SIDE_LIST).stream().map(c -> CardView.of(c, formats, excerpt)).toList();
        String title = layouts.messages().get("topic.all");
        model.addAttribute("page", new TopicsPage(layouts.layout(heads.topic(title, null, "/topics", null, List.of()), null), items, headlines));
        return "site/topics";
    }
}
