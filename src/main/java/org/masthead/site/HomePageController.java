package org.masthead.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleFlag;
import org.masthead.article.ArticleFlags;
import org.masthead.article.FlaggedLists;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticleLists;
import org.masthead.media.Rendition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomePageController {

    static final int HEADLINES = 10;
    static final int PER_CHANNEL = 6;
    static final int TOP_STORIES = 5;
    static final int RECOMMENDED = 8;

    private final ArticleLists articles;
    private final SiteLayouts layouts;
    private final PageHeads heads;
    private final ArticleFlags flags;
    private final ResponsiveImages images;

    HomePageController(ArticleLists articles, SiteLayouts layouts, PageHeads heads, ArticleFlags flags, ResponsiveImages images) {
        this.images = images;
        this.flags = flags;
        this.articles = articles;
        this.layouts = layouts;
        this.heads = heads;
    }

    @GetMapping("/")
    String home(Model model) {
        SiteFormats formats = layouts.formats();
        int excerpt = layouts.settings().excerptLength();
        List<ArticleCard> newest = articles.list(ArticleFilter.visible(), 1, layouts.settings().homePageSize()).items();
        List<CardView> headlines = articles.headlines(HEADLINES).stream().map(c -> CardView.of(c, formats, excerpt)).toList();
        List<ArticleCard> perChannel = articles.newestPerChannel(PER_CHANNEL);
        FlaggedLists flagged = flags.home(TOP_STORIES, RECOMMENDED);
        // The lists shown as cards (the latest, the channels', the top stories after the first) show their library covers: one look-up for all.
        Map<String, Rendition> covers = images.covers(java.util.stream.Stream.of(newest, perChannel, flagged.of(ArticleFlag.HEADLINE)).flatMap(List::stream));
        List<CardView> latest = newest.stream().map(c -> CardView.of(c, formats, excerpt, covers)).toList();
        Map<Long, List<ArticleCard>> byChannel = new LinkedHashMap<>();
        for (ArticleCard card : perChannel) {
            byChannel.computeIfAbsent(card.channelId(), id -> new ArrayList<>()).add(card);
        }
        List<HomePage.ChannelBlock> blocks = byChannel.values().stream()
                .map(cards -> new HomePage.ChannelBlock(cards.getFirst().channelName(), channelUrl(cards.getFirst()),
                        cards.stream().map(c -> CardView.of(c, formats, excerpt, covers)).toList()))
                .toList();
        model.addAttribute("page", new HomePage(layouts.home(heads.home(latest)), headlines, latest, blocks,
                flagged.of(ArticleFlag.HEADLINE).stream().map(c -> CardView.of(c, formats, excerpt, covers)).toList(),
                flagged.of(ArticleFlag.RECOMMENDED).stream().map(c -> CardView.of(c, formats, excerpt)).toList()));
        return "site/home";
    }

    private static String channelUrl(ArticleCard card) {
        return new org.masthead.channel.Channel(card.channelId(), card.channelName(), card.channelSlug(), 0, null).url();
    }
}
