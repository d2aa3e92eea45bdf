package org.masthead.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.ads.AdDailyCount;
import org.masthead.ads.AdEditing;
import org.masthead.ads.AdReports;
import org.masthead.ads.AdSlotDraft;
import org.masthead.ads.AdSlots;
import org.masthead.ads.Creative;
import org.masthead.ads.CreativeDraft;
import org.masthead.ads.CreativeKind;
import org.masthead.article.Actor;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleDraft;
import org.masthead.article.ArticleEditing;
import org.masthead.article.ArticleFlag;
import org.masthead.article.ArticleFlags;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleRefused;
import org.masthead.article.FlaggedLists;
import org.masthead.channel.Channels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What the ads, the article flags and the special topics store, run unchanged on SQLite and on a real
 * PostgreSQL (each subclass names the database): the same SQL text must work on both, the upsert of the
 * daily counts and the one-statement flag lists included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "masthead.ads.flush-interval=1h", "masthead.ads.check-interval=1h", "masthead.views.flush-interval=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class CurationStorageContract {

    static final Actor EDITOR = new Actor("editor", Actor.Role.EDITOR, "127.0.0.1");

    @Autowired
    AdEditing ads;

    @Autowired
    AdSlots slots;

    @Autowired
    AdReports reports;

    @Autowired
    ArticleEditing articles;

    @Autowired
    ArticleLists lists;

    @Autowired
    ArticleFlags flags;

    @Autowired
    Channels channels;

    @Autowired
    Topics topics;

    @Autowired
    TopicEditing topicEditing;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyTables() {
        for (String table : List.of("topic_article", "topic", "article_flag", "ad_daily_count", "ad_creative", "ad_slot", "article_tag", "article_author",
                "article_figure", "article_revision", "article_audit", "article", "tag", "channel", "source")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @Test
    void slotsAndCreativesKeepEveryFieldAndCountsAddUpPerCreativeAndDay() {
        long slot = ads.saveSlot(null, new AdSlotDraft("侧栏", AdSlots.SIDEBAR, null, 250));
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2030-01-01T00:00:00Z");
        long image = ads.saveCreative(null, new CreativeDraft(slot, CreativeKind.IMAGE, "海报", "https://shop.example.cn/", "/media/ad.png", null, 7, from, to));
        long html = ads.saveCreative(null, new CreativeDraft(slot, CreativeKind.HTML, "HTML", null, null, "<p>双十一<b>大促</b></p>", null, null, null));

        assertThat(reports.slots()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("侧栏");
            assertThat(s.width()).isNull();
            assertThat(s.height()).isEqualTo(250);
            assertThat(s.active()).isTrue();
        });
        assertThat(reports.creative(image)).hasValue(new Creative(image, slot, CreativeKind.IMAGE, "海报", "https://shop.example.cn/", "/media/ad.png", null, 7,
                from, to, true));
        assertThat(reports.creative(html).orElseThrow().html()).isEqualTo("<p>双十一<b>大促</b></p>");
        assertThat(reports.creative(html).orElseThrow().weight()).isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            slots.pick(slot);
        }
        slots.click(image);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        List<AdDailyCount> first = reports.daily(today.minusDays(1), today.plusDays(1));
        long impressions = first.stream().mapToLong(AdDailyCount::impressions).sum();
        assertThat(impressions).isEqualTo(5);
        slots.pick(slot);
        slots.click(image);
        List<AdDailyCount> second = reports.daily(today.minusDays(1), today.plusDays(1));
        assertThat(second.stream().mapToLong(AdDailyCount::impressions).sum()).isEqualTo(6);
        assertThat(second).filteredOn(d -> d.creativeId() == image).singleElement().satisfies(d -> assertThat(d.clicks()).isEqualTo(2));

        ads.setSlotActive(slot, false);
        assertThat(slots.shown(AdSlots.SIDEBAR)).isEmpty();
        assertThat(slots.pick(slot)).isEmpty();
    }

    @Test
    void flagListsHoldVisibleArticlesNewestFlaggedFirstAndPerChannel() throws InterruptedException {
        long a = publish("头条一", "要闻", 3);
        long b = publish("头条二", "要闻", 2);
        long c = publish("体育推荐", "体育", 1);
        long later = publish("明天发布", "要闻", -24 * 60);

        flags.set(a, Map.of(ArticleFlag.HEADLINE, true, ArticleFlag.PINNED, true), EDITOR);
        Thread.sleep(5);
        flags.set(b, Map.of(ArticleFlag.HEADLINE, true), EDITOR);
        flags.set(c, Map.of(ArticleFlag.RECOMMENDED, true, ArticleFlag.PINNED, true), EDITOR);
        flags.set(later, Map.of(ArticleFlag.HEADLINE, true, ArticleFlag.PINNED, true), EDITOR);

        FlaggedLists home = flags.home(5, 5);
        assertThat(home.of(ArticleFlag.HEADLINE)).extracting(ArticleCard::id).containsExactly(b, a);
        assertThat(home.of(ArticleFlag.RECOMMENDED)).extracting(ArticleCard::id).containsExactly(c);
        assertThat(flags.home(1, 5).of(ArticleFlag.HEADLINE)).extracting(ArticleCard::id).containsExactly(b);
        long news = channels.all().stream().filter(ch -> ch.name().equals("要闻")).findFirst().orElseThrow().id();
        assertThat(flags.inChannel(news, 5, 5).of(ArticleFlag.PINNED)).extracting(ArticleCard::id).containsExactly(a);
        assertThat(flags.inChannel(news, 5, 5).of(ArticleFlag.RECOMMENDED)).isEmpty();
        assertThat(flags.listed(ArticleFlag.PINNED)).extracting(f -> f.id()).containsExactlyInAnyOrder(a, c, later);

        assertThat(flags.set(a, Map.of(ArticleFlag.PINNED, false, ArticleFlag.RECOMMENDED, true), EDITOR))
                .containsExactlyInAnyOrder(ArticleFlag.HEADLINE, ArticleFlag.RECOMMENDED);
        assertThat(flags.of(a)).containsExactlyInAnyOrder(ArticleFlag.HEADLINE, ArticleFlag.RECOMMENDED);
        assertThatThrownBy(() -> flags.set(a, Map.of(ArticleFlag.PINNED, true), new Actor("author", Actor.Role.AUTHOR, null)))
                .isInstanceOfSatisfying(ArticleRefused.class, e -> assertThat(e.reason()).isEqualTo(ArticleRefused.Reason.FORBIDDEN));
        assertThatThrownBy(() -> flags.set(999_999, Map.of(ArticleFlag.PINNED, true), EDITOR))
                .isInstanceOfSatisfying(ArticleRefused.class, e -> assertThat(e.reason()).isEqualTo(ArticleRefused.Reason.NOT_FOUND));
        assertThat(flags.of(a)).doesNotContain(ArticleFlag.PINNED);
    }

    @Test
    void topicsKeepTheirArticlesInTheEditorsOrderUnderSections() {
        long a = publish("开幕", "文化", 3);
        long b = publish("第二天", "文化", 2);
        long c = publish("闭幕", "文化", 1);
        long id = topicEditing.create(new TopicDraft("Tainan-Festival", "台南艺术节", "一年一度的艺术节。", "/media/cover.jpg"));

        Topic topic = topics.byId(id).orElseThrow();
        assertThat(topic.slug()).isEqualTo("tainan-festival");
        assertThat(topics.bySlug("tainan-festival")).hasValue(topic);

        topicEditing.addArticles(id, List.of(c, a), "综述");
        topicEditing.addArticles(id, List.of(b, a), "");
        assertThat(topics.entries(id)).extracting(TopicEntry::articleId).containsExactly(c, a, b);
        assertThat(topics.entries(id)).extracting(TopicEntry::section).containsExactly("综述", "综述", null);

        topicEditing.moveArticle(id, b, -1);
        topicEditing.moveArticle(id, c, -1); // already first: stays
        topicEditing.setSection(id, b, "现场");
        assertThat(topics.entries(id)).extracting(TopicEntry::articleId).containsExactly(c, b, a);
        assertThat(topics.entries(id)).extracting(TopicEntry::section).containsExactly("综述", "现场", "综述");
        assertThat(topics.slugsContaining(b)).containsExactly("tainan-festival");

        topicEditing.removeArticle(id, c);
        assertThat(topics.entries(id)).extracting(TopicEntry::articleId).containsExactly(b, a);
        assertThat(lists.visibleByIds(List.of(a, b, 999_999L))).extracting(ArticleCard::id).containsExactlyInAnyOrder(a, b);

        long before = topics.entries(id).size();
        assertThatThrownBy(() -> topicEditing.addArticles(id, List.of(c, 999_999L), ""))
                .isInstanceOfSatisfying(TopicRefused.class, e -> assertThat(e.key()).isEqualTo("topic.error.noSuchArticle"));
        assertThat(topics.entries(id)).hasSize((int) before);
        assertThatThrownBy(() -> topicEditing.create(new TopicDraft("tainan-festival", "重名", "", null)))
                .isInstanceOfSatisfying(TopicRefused.class, e -> assertThat(e.key()).isEqualTo("topic.error.slugTaken"));
        assertThatThrownBy(() -> topicEditing.create(new TopicDraft("a/b", "斜线", "", null)))
                .isInstanceOfSatisfying(TopicRefused.class, e -> assertThat(e.key()).isEqualTo("topic.error.slug"));
        assertThat(topics.all()).hasSize(1);
        assertThat(Set.copyOf(topics.slugsContaining(c))).isEmpty();
    }

    /** A published article {@code minutesAgo} minutes old (negative: in the future). */
    private long publish(String title, String channel, int minutesAgo) {
        Instant at = Instant.now().minus(minutesAgo, ChronoUnit.MINUTES);
        return articles.savePublished(new ArticleDraft(title, null, "<p>" + title + "的正文。</p>", null, at, "https://example.cn/" + title.hashCode(), "来源",
                null, List.of(), channel, List.of(), null, List.of())).articleId();
    }
}
