package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleStatus;
import org.masthead.article.Figure;
import org.masthead.channel.Channel;
import org.masthead.channel.Channels;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.masthead.source.Source;
import org.masthead.source.Sources;
import org.masthead.tag.Tag;
import org.masthead.tag.Tags;
import org.springframework.context.support.ResourceBundleMessageSource;

/** How an article becomes a feed entry: addresses, summary or full text, categories, dates; the settings that steer it. */
class FeedAssemblerTest {

    static final String BASE = "https://news.example.cn";
    static final Channel FINANCE = new Channel(3, "财经", "财经", 2, null);
    static final Source XINMIN = new Source(7, "新民晚报", "https://www.xinmin.cn/");

    final ArticleLists articles = mock(ArticleLists.class);
    final Channels channels = mock(Channels.class);
    final Tags tags = mock(Tags.class);
    final Sources sources = mock(Sources.class);
    final SiteSettingsStore settings = mock(SiteSettingsStore.class);

    FeedAssemblerTest() {
        when(settings.current()).thenReturn(new SiteSettings("报头新闻", "新闻聚合与发布", 2023, "", "", "", ZoneId.of("Asia/Shanghai"), 36, BASE));
        when(channels.bySlug("财经")).thenReturn(Optional.of(FINANCE));
        when(channels.bySlug("nope")).thenReturn(Optional.empty());
    }

    static ArticleDetail article(long id, String body, String summary, Instant published, Instant updated, String cover, List<Figure> figures) {
        return new ArticleDetail(id, "标题" + id, null, body, summary, "正文的开头,第" + id + "篇文章的导语文字。", ArticleStatus.PUBLISHED, published,
                published, updated, "https://www.xinmin.cn/n/" + id, XINMIN, FINANCE, List.of("余婧瑶", "卢毅"),
                List.of(new Tag(1, "宝山"), new Tag(2, "财经")), cover, figures, 0);
    }

    FeedAssembler assembler(FeedSettings feedSettings) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new FeedAssembler(articles, channels, tags, sources, settings, feedSettings, messages);
    }

    @Test
    void summaryEntriesCarryAbsoluteAddressesCategoriesPublisherAndTheLaterOfPublicationAndEdit() {
        Instant published = Instant.parse("2023-08-29T01:18:41Z");
        Instant edited = Instant.parse("2026-11-29T03:00:00Z");
        ArticleDetail imported = article(1, "<p>正文</p>", "编辑写的摘要", published, edited, "/media/2023/cover.jpg", List.of());
        // Scheduled: saved before its publication time; the entry changed for readers when it appeared.
        ArticleDetail scheduled = article(2, "<p>正文</p>", null, Instant.parse("2023-08-30T00:00:00Z"), Instant.parse("2023-08-01T00:00:00Z"),
                "https://img.example.cn/x.png", List.of());
        when(articles.newestVisible(any(), anyInt())).thenReturn(List.of(scheduled, imported));

        FeedContent feed = assembler(new FeedSettings(20, false, 200)).channel("财经").orElseThrow();

        verify(articles).newestVisible(ArticleFilter.visible().inChannel(3), 20);
        assertThat(feed.title()).isEqualTo("财经 — 报头新闻");
        assertThat(feed.description()).isEqualTo("栏目「财经」的最新文章");
        assertThat(feed.pageUrl()).isEqualTo(BASE + "/channel/%E8%B4%A2%E7%BB%8F");
        assertThat(feed.feedUrl(FeedFormat.ATOM)).isEqualTo(BASE + "/channel/%E8%B4%A2%E7%BB%8F/atom.xml");
        assertThat(feed.updated()).isEqualTo(edited);
        FeedContent.Entry entry = feed.entries().get(1);
        assertThat(entry.url()).isEqualTo(BASE + "/articles/1");
        assertThat(entry.summary()).isEqualTo("编辑写的摘要");
        assertThat(entry.contentHtml()).isNull();
        assertThat(entry.published()).isEqualTo(published);
        assertThat(entry.updated()).isEqualTo(edited);
        assertThat(entry.categories()).as("channel first, a tag of the same name once").containsExactly("财经", "宝山");
        assertThat(entry.authors()).containsExactly("余婧瑶", "卢毅");
        assertThat(entry.source()).isEqualTo(new FeedContent.Publisher("新民晚报", BASE + "/source/7/feed.xml", "https://www.xinmin.cn/"));
        assertThat(entry.originalUrl()).isEqualTo("https://www.xinmin.cn/n/1");
        assertThat(entry.image()).isEqualTo(new FeedContent.Image(BASE + "/media/2023/cover.jpg", "image/jpeg"));
        FeedContent.Entry early = feed.entries().getFirst();
        assertThat(early.updated()).isEqualTo(early.published()).isEqualTo("2023-08-30T00:00:00Z");
        assertThat(early.summary()).as("no summary given: the start of the text").isEqualTo("正文的开头,第2篇文章的导语文字。");
        assertThat(early.image()).isEqualTo(new FeedContent.Image("https://img.example.cn/x.png", "image/png"));
    }

    @Test
    void fullTextAndSizeAndSummaryLengthComeFromTheSettings() {
        when(articles.newestVisible(any(), anyInt())).thenReturn(List.of(
                article(1, "<p>全文</p>", "一段很长很长的编辑摘要,超过十个字", Instant.parse("2023-08-29T01:18:41Z"), Instant.parse("2023-08-29T01:18:41Z"), null,
                        List.of())));

        FeedContent feed = assembler(new FeedSettings(5, true, 10)).site();

        verify(articles).newestVisible(ArticleFilter.visible(), 5);
        FeedContent.Entry entry = feed.entries().getFirst();
        assertThat(entry.contentHtml()).isEqualTo("<p>全文</p>");
        assertThat(entry.summary()).isEqualTo("一段很长很长的编辑…");
        assertThat(entry.image()).isNull();
        assertThat(feed.title()).isEqualTo("报头新闻");
        assertThat(feed.description()).isEqualTo("新闻聚合与发布");
        assertThat(feed.pageUrl()).isEqualTo(BASE + "/");
        assertThat(feed.feedUrl(FeedFormat.RSS)).isEqualTo(BASE + "/feed.xml");
    }

    @Test
    void fullTextMakesEveryAddressAbsoluteAndAddsTheFiguresTheBodyDoesNotShow() {
        String body = "<p>见<a href=\"/articles/3\">前文</a>与<a href=\"https://other.example.cn/x\">外站</a></p>"
                + "<figure><img src=\"https://img.example.cn/in-body.jpg\" alt=\"\"></figure><p><img src=\"/media/inline.jpg\" alt=\"\"></p>";
        ArticleDetail a = article(1, body, null, Instant.parse("2023-08-29T01:18:41Z"), Instant.parse("2023-08-29T01:18:41Z"), null, List.of(
                new Figure("https://img.example.cn/in-body.jpg", "已在正文"),
                new Figure("/media/extra.png", "【资料图】<说明>")));

        Document html = Jsoup.parseBodyFragment(FeedAssembler.fullText(a, BASE));

        assertThat(html.select("a").eachAttr("href")).containsExactly(BASE + "/articles/3", "https://other.example.cn/x");
        assertThat(html.select("img").eachAttr("src")).containsExactly("https://img.example.cn/in-body.jpg", BASE + "/media/inline.jpg",
                BASE + "/media/extra.png");
        assertThat(html.select("figcaption").eachText()).containsExactly("【资料图】<说明>");
        assertThat(FeedAssembler.fullText(a, BASE)).contains("【资料图】&lt;说明&gt;");
    }

    @Test
    void anUnknownListHasNoFeed() {
        when(tags.byName("nope")).thenReturn(Optional.empty());
        when(sources.byId(99)).thenReturn(Optional.empty());
        FeedAssembler feeds = assembler(new FeedSettings(20, false, 200));

        assertThat(feeds.channel("nope")).isEmpty();
        assertThat(feeds.tag("nope")).isEmpty();
        assertThat(feeds.source(99)).isEmpty();
    }
}
