package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.TestArticles.published;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.masthead.channel.Channel;
import org.masthead.channel.Channels;
import org.masthead.platform.PageSlice;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.masthead.source.Sources;
import org.masthead.tag.Tag;
import org.masthead.tag.Tags;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What the storage layer promises, run unchanged against every database Masthead supports: each
 * subclass only says which database (SQLite file, real PostgreSQL). The SQL is one text for both, so
 * a query that works on one and fails on the other fails here.
 *
 * <p>Every test starts from empty article, channel, source and tag tables. View counts are flushed
 * only when a test says so (the scheduled flush is pushed an hour out).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "masthead.views.flush-interval=1h")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ArticleStorageContract {

    static final List<String> TABLES = List.of(
            "channel", "source", "tag", "article", "article_author", "article_tag", "article_figure", "site_setting", "app_user", "ad_slot",
            "notification_submission", "article_revision", "article_audit", "shedlock");

    @Autowired
    ArticleEditing editing;

    @Autowired
    ArticleLists queries;

    @Autowired
    ArticleLookup lookup;

    @Autowired
    ArticleScans scans;

    @Autowired
    ArticleViews views;

    @Autowired
    Channels channels;

    @Autowired
    Sources sources;

    @Autowired
    Tags tags;

    @Autowired
    SiteSettingsStore settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Autowired
    ApplicationContext context;

    /** The JDBC product name of the database under test, e.g. "PostgreSQL". */
    abstract String databaseProductName();

    /** The folder under db/migration that Flyway must have used for it. */
    abstract String migrationFolder();

    @BeforeEach
    void startFromEmptyTables() {
        views.flush();
        for (String table : List.of("article_tag", "article_author", "article_figure", "article", "tag", "channel", "source")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @Test
    void flywayMigratedThisDatabaseFromItsOwnMigrationFolder() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(databaseProductName());
        }
        assertThat(Arrays.stream(flyway.getConfiguration().getLocations()).map(Object::toString))
                .containsExactly("classpath:db/migration/" + migrationFolder());
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty().allSatisfy(migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
        // At the newest migration in the folder, whichever that is (V2 added notification_submission).
        MigrationInfo[] known = flyway.info().all();
        assertThat(flyway.info().current().getVersion()).isEqualTo(known[known.length - 1].getVersion());
        assertThat(flyway.info().pending()).isEmpty();
        for (String table : TABLES) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isNotNegative();
        }
    }

    @Test
    void savingTheSameArticleAgainChangesNothingAndSavingAChangeUpdatesItInPlace() {
        TestArticles article = published("台南市中西区道路周末养护施工").url("https://example.cn/n/20230829-road").channel("市政").source("台南市政府");

        SaveOutcome created = editing.savePublished(article.draft());
        ArticleDetail first = lookup.any(created.articleId()).orElseThrow();
        SaveOutcome again = editing.savePublished(article.draft());
        SaveOutcome changed = editing.savePublished(article.title("台南市中西区道路养护施工延至下周").draft());

        assertThat(created.kind()).isEqualTo(SaveOutcome.Kind.CREATED);
        assertThat(again).isEqualTo(new SaveOutcome(created.articleId(), SaveOutcome.Kind.UNCHANGED));
        assertThat(changed).isEqualTo(new SaveOutcome(created.articleId(), SaveOutcome.Kind.UPDATED));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single()).isEqualTo(1);
        ArticleDetail stored = lookup.any(created.articleId()).orElseThrow();
        assertThat(stored.title()).isEqualTo("台南市中西区道路养护施工延至下周");
        assertThat(stored.originalUrl()).isEqualTo("https://example.cn/n/20230829-road");
        assertThat(stored.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(stored.createdAt()).isEqualTo(first.createdAt());
        assertThat(stored.updatedAt()).isAfterOrEqualTo(first.updatedAt());
    }

    @Test
    void anUnchangedSaveLeavesTheUpdateTimeAlone() {
        TestArticles article = published("安平区观光节开幕").channel("文化");
        long id = editing.savePublished(article.draft()).articleId();
        ArticleDetail before = lookup.any(id).orElseThrow();

        editing.savePublished(article.draft());

        assertThat(lookup.any(id).orElseThrow()).isEqualTo(before);
    }

    @Test
    void keepsAuthorsTagsAndFiguresInTheOrderGiven() {
        Figure typhoon = new Figure("https://img.example.cn/2023/typhoon.jpg", "【资料图】台风过境后的安平港");
        Figure street = new Figure("https://img.example.cn/2023/street.jpg", null);
        Figure repair = new Figure("https://img.example.cn/2023/repair.jpg", "电力公司连夜抢修");
        TestArticles article = published("台风过境 台南全力复原").authors("王五", "张三", "李四").tags("台风", "民生", "交通").figures(typhoon, street, repair);

        long id = editing.savePublished(article.draft()).articleId();
        ArticleDetail stored = lookup.any(id).orElseThrow();

        assertThat(stored.authors()).containsExactly("王五", "张三", "李四");
        assertThat(stored.tags()).extracting(Tag::name).containsExactly("台风", "民生", "交通");
        assertThat(stored.figures()).containsExactly(typhoon, street, repair);

        editing.savePublished(article.authors("李四", "王五").tags("交通", "台风").figures(repair, typhoon).draft());
        ArticleDetail reordered = lookup.any(id).orElseThrow();

        assertThat(reordered.authors()).containsExactly("李四", "王五");
        assertThat(reordered.tags()).extracting(Tag::name).containsExactly("交通", "台风");
        assertThat(reordered.figures()).containsExactly(repair, typhoon);
    }

    @Test
    void createsAChannelSourceOrTagOnceAndReusesIt() {
        long first = editing.savePublished(published("防汛演练在安南区举行").channel("要闻").source("新华社", "https://www.news.cn/").tags("台风", "防汛")
                .draft()).articleId();
        long second = editing.savePublished(published("防汛物资整备完成").channel("要闻").source("新华社").tags("防汛", "民生").draft()).articleId();

        ArticleDetail a = lookup.any(first).orElseThrow();
        ArticleDetail b = lookup.any(second).orElseThrow();
        assertThat(b.channel()).isEqualTo(a.channel());
        assertThat(b.source()).isEqualTo(a.source());
        assertThat(a.source().homepage()).isEqualTo("https://www.news.cn/");
        assertThat(a.tags().get(1)).isEqualTo(b.tags().get(0));
        assertThat(channels.all()).singleElement().satisfies(channel -> {
            assertThat(channel.name()).isEqualTo("要闻");
            assertThat(channel.slug()).isEqualTo("要闻");
        });
        assertThat(sources.byName("新华社")).contains(a.source());
        assertThat(tags.byName("防汛")).contains(a.tags().get(1));
        assertThat(count("channel")).isEqualTo(1);
        assertThat(count("source")).isEqualTo(1);
        assertThat(count("tag")).isEqualTo(3);
    }

    @Test
    void listsNewestFirstWithFiltersAndPagingTotals() {
        save(published("一 市政 交通").at("2023-08-25T02:00:00Z").channel("市政").source("台南市政府").tags("交通").authors("王小明"));
        save(published("二 文化 节庆").at("2023-08-26T02:00:00Z").channel("文化").source("台南市政府").tags("节庆").authors("李华"));
        save(published("三 市政 交通 节庆").at("2023-08-27T02:00:00Z").channel("市政").source("中央社").tags("交通", "节庆").authors("王小明"));
        save(published("四 文化").at("2023-08-28T02:00:00Z").channel("文化").source("中央社").authors("李华", "王小明"));
        save(published("五 市政 交通").at("2023-08-29T02:00:00Z").channel("市政").source("台南市政府").tags("交通").authors("陈美玲"));
        ArticleFilter visible = ArticleFilter.visible();
        long city = channels.byName("市政").orElseThrow().id();
        long cna = sources.byName("中央社").orElseThrow().id();

        PageSlice<ArticleCard> firstPage = queries.list(visible, 1, 2);
        assertThat(titles(firstPage)).containsExactly("五 市政 交通", "四 文化");
        assertThat(firstPage.total()).isEqualTo(5);
        assertThat(firstPage.totalPages()).isEqualTo(3);
        assertThat(firstPage.hasNext()).isTrue();
        assertThat(titles(queries.list(visible, 2, 2))).containsExactly("三 市政 交通 节庆", "二 文化 节庆");
        PageSlice<ArticleCard> lastPage = queries.list(visible, 3, 2);
        assertThat(titles(lastPage)).containsExactly("一 市政 交通");
        assertThat(lastPage.hasNext()).isFalse();
        PageSlice<ArticleCard> beyond = queries.list(visible, 4, 2);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);

        assertThat(titles(queries.list(visible.inChannel(city), 1, 10))).containsExactly("五 市政 交通", "三 市政 交通 节庆", "一 市政 交通");
        assertThat(titles(queries.list(visible.fromSource(cna), 1, 10))).containsExactly("四 文化", "三 市政 交通 节庆");
        assertThat(titles(queries.list(visible.taggedWith(tags.byName("节庆").orElseThrow().id()), 1, 10)))
                .containsExactly("三 市政 交通 节庆", "二 文化 节庆");
        assertThat(titles(queries.list(visible.byAuthor("王小明"), 1, 10))).containsExactly("四 文化", "三 市政 交通 节庆", "一 市政 交通");
        PageSlice<ArticleCard> combined = queries.list(visible.inChannel(city).byAuthor("王小明").taggedWith(tags.byName("交通").orElseThrow().id()), 1, 1);
        assertThat(titles(combined)).containsExactly("三 市政 交通 节庆");
        assertThat(combined.total()).isEqualTo(2);
        assertThat(queries.count(visible.fromSource(cna))).isEqualTo(2);
        assertThat(queries.count(visible.byAuthor("无名氏"))).isZero();

        ArticleCard newest = firstPage.items().getFirst();
        assertThat(newest.channelName()).isEqualTo("市政");
        assertThat(newest.channelSlug()).isEqualTo("市政");
        assertThat(newest.sourceName()).isEqualTo("台南市政府");
        assertThat(newest.publishedAt()).isEqualTo("2023-08-29T02:00:00Z");
    }

    @Test
    void listsArticlesOfTheSameMomentNewestSavedFirst() {
        long earlier = save(published("同一时刻 先存").at("2023-08-29T01:18:41Z"));
        long later = save(published("同一时刻 后存").at("2023-08-29T01:18:41Z"));

        assertThat(queries.list(ArticleFilter.visible(), 1, 10).items()).extracting(ArticleCard::id).containsExactly(later, earlier);
    }

    @Test
    void hidesArticlesDatedInTheFutureFromReaders() {
        long past = save(published("已发布的新闻").at("2023-08-29T01:18:41Z"));
        long future = save(published("预约发布的新闻").at("2100-01-01T00:00:00Z"));

        assertThat(lookup.visible(past)).isPresent();
        assertThat(lookup.visible(future)).isEmpty();
        assertThat(lookup.any(future)).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(ArticleStatus.PUBLISHED));
        assertThat(queries.list(ArticleFilter.visible(), 1, 10).items()).extracting(ArticleCard::id).containsExactly(past);
        assertThat(queries.count(ArticleFilter.visible())).isEqualTo(1);
        ArticleFilter editorsView = new ArticleFilter(null, null, null, null, null, false);
        assertThat(queries.list(editorsView, 1, 10).items()).extracting(ArticleCard::id).containsExactly(future, past);
    }

    @Test
    void showsTheNewestVisibleArticlesOfEachChannelInChannelOrder() {
        save(published("市政 一").at("2023-08-25T02:00:00Z").channel("市政"));
        save(published("市政 二").at("2023-08-26T02:00:00Z").channel("市政"));
        save(published("市政 三").at("2023-08-27T02:00:00Z").channel("市政"));
        save(published("文化 一").at("2023-08-28T02:00:00Z").channel("文化"));
        save(published("体育 未来").at("2100-01-01T00:00:00Z").channel("体育"));
        save(published("无栏目").at("2023-08-29T02:00:00Z"));

        List<ArticleCard> newest = queries.newestPerChannel(2);

        assertThat(newest).extracting(ArticleCard::title).containsExactly("市政 三", "市政 二", "文化 一");
        assertThat(newest).extracting(ArticleCard::channelName).containsExactly("市政", "市政", "文化");
    }

    @Test
    void headlinesAreTheMostReadVisibleArticlesNewerFirstOnATie() {
        long a = save(published("甲").at("2023-08-25T02:00:00Z"));
        long b = save(published("乙").at("2023-08-26T02:00:00Z"));
        long c = save(published("丙").at("2023-08-27T02:00:00Z"));
        save(published("丁").at("2023-08-28T02:00:00Z"));
        long future = save(published("未来").at("2100-01-01T00:00:00Z"));
        read(a, 3);
        read(b, 1);
        read(c, 3);
        read(future, 10);
        views.flush();

        assertThat(queries.headlines(3)).extracting(ArticleCard::title).containsExactly("丙", "甲", "乙");
        assertThat(queries.headlines(10)).extracting(ArticleCard::title).containsExactly("丙", "甲", "乙", "丁");
    }

    @Test
    void recordedViewsReachTheViewCountWhenFlushed() {
        long id = save(published("浏览量计数"));

        read(id, 3);
        assertThat(lookup.any(id).orElseThrow().viewCount()).isZero();
        views.flush();
        assertThat(lookup.any(id).orElseThrow().viewCount()).isEqualTo(3);

        read(id, 2);
        read(-1, 1);
        views.flush();
        assertThat(lookup.any(id).orElseThrow().viewCount()).isEqualTo(5);
        views.flush();
        assertThat(lookup.any(id).orElseThrow().viewCount()).isEqualTo(5);
    }

    @Test
    void viewsCountedWhileAFlushRunsAreNotLost() throws Exception {
        long id = save(published("边读边写"));
        int readers = 4;
        int each = 5_000;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(readers)) {
            List<java.util.concurrent.Future<?>> reading = new java.util.ArrayList<>();
            for (int r = 0; r < readers; r++) {
                reading.add(pool.submit(() -> read(id, each)));
            }
            while (reading.stream().anyMatch(f -> !f.isDone())) {
                views.flush(); // flushes race the readers: each view must land in one flush or the next
            }
            for (var f : reading) {
                f.get();
            }
        }
        views.flush();
        assertThat(lookup.any(id).orElseThrow().viewCount()).isEqualTo((long) readers * each);
    }

    @Test
    void storesSiteSettingsAndAFreshStoreReadsThemBack() {
        SiteSettings original = settings.current();
        try {
            SiteSettings wanted = new SiteSettings("台南新闻网", "在地新闻・即时更新", 2019, "沪ICP备12345678号-1", "沪公网安备 31010402000001号",
                    "editor@tainan.example", ZoneId.of("Asia/Taipei"), 48, "https://news.example.cn/");
            SiteSettings expected = new SiteSettings("台南新闻网", "在地新闻・即时更新", 2019, "沪ICP备12345678号-1", "沪公网安备 31010402000001号",
                    "editor@tainan.example", ZoneId.of("Asia/Taipei"), 48, "https://news.example.cn");

            assertThat(settings.update(wanted)).isEqualTo(expected);
            assertThat(settings.current()).isEqualTo(expected);
            SiteSettingsStore reloaded = context.getAutowireCapableBeanFactory().createBean(SiteSettingsStore.class);
            assertThat(reloaded.current()).isEqualTo(expected);

            settings.putValue("demo.loaded", "是");
            assertThat(reloaded.value("demo.loaded")).isEqualTo("是");
            assertThat(reloaded.value("no.such.setting")).isNull();
        } finally {
            settings.update(original);
            jdbc.sql("DELETE FROM site_setting WHERE name = 'demo.loaded'").update();
        }
        assertThat(settings.current()).isEqualTo(original);
    }

    @Test
    void keepsChineseTextExactly() {
        String title = "台风“海葵”逼近：台南市停班停课，𠮷野家暂停营业";
        String subtitle = "中央气象署发布海上陆上台风警报（第３报）";
        String summary = "受台风影响，台南市今日停止上班上课。民众请注意防范强风豪雨——切勿前往海边！【资料图】";
        String body = "<p>台风“海葵”今晨逼近，台南市政府宣布停班停课。</p><p>市民如需协助，请拨打１９９９市民热线。</p>";
        long id = save(published(title).subtitle(subtitle).summary(summary).body(body).authors("欧阳娜娜", "司马相如").channel("社会民生")
                .source("台南市政府新闻及国际关系处").tags("台风", "停班停课"));

        ArticleDetail stored = lookup.any(id).orElseThrow();

        assertThat(stored.title()).isEqualTo(title);
        assertThat(stored.subtitle()).isEqualTo(subtitle);
        assertThat(stored.summary()).isEqualTo(summary);
        assertThat(stored.bodyHtml()).isEqualTo(body);
        assertThat(stored.leadText()).startsWith("台风“海葵”今晨逼近，台南市政府宣布停班停课。").contains("１９９９市民热线");
        assertThat(stored.authors()).containsExactly("欧阳娜娜", "司马相如");
        assertThat(stored.tags()).extracting(Tag::name).containsExactly("台风", "停班停课");
        assertThat(stored.channel()).extracting(Channel::name).isEqualTo("社会民生");
        assertThat(stored.source().name()).isEqualTo("台南市政府新闻及国际关系处");
        assertThat(queries.list(ArticleFilter.visible().byAuthor("司马相如"), 1, 10).items()).singleElement().satisfies(card -> {
            assertThat(card.title()).isEqualTo(title);
            assertThat(card.excerptSource()).isEqualTo(summary);
        });
        assertThat(channels.bySlug("社会民生")).isPresent();
    }

    @Test
    void dropsTheNulCharacterWhichPostgreSqlCannotStoreFromEveryText() {
        String nul = "\u0000";
        Figure figure = new Figure("https://img.example.cn/" + nul + "1.jpg", "资料" + nul + "图");
        TestArticles article = published("台南" + nul + "市政府").subtitle("副" + nul + "题").summary("摘" + nul + "要").body("<p>正" + nul + "文</p>")
                .url("https://example.cn/n/" + nul + "nul").source("来" + nul + "源", "https://example.cn/" + nul).authors("作" + nul + "者")
                .channel("栏" + nul + "目").tags("标" + nul + "签").cover("https://img.example.cn/" + nul + "cover.jpg").figures(figure);

        long id = save(article);
        ArticleDetail stored = lookup.any(id).orElseThrow();

        assertThat(stored.title()).isEqualTo("台南市政府");
        assertThat(stored.subtitle()).isEqualTo("副题");
        assertThat(stored.summary()).isEqualTo("摘要");
        assertThat(stored.bodyHtml()).isEqualTo("<p>正文</p>");
        assertThat(stored.leadText()).isEqualTo("正文");
        assertThat(stored.originalUrl()).isEqualTo("https://example.cn/n/nul");
        assertThat(stored.source().name()).isEqualTo("来源");
        assertThat(stored.source().homepage()).isEqualTo("https://example.cn/");
        assertThat(stored.authors()).containsExactly("作者");
        assertThat(stored.channel().name()).isEqualTo("栏目");
        assertThat(stored.tags()).extracting(Tag::name).containsExactly("标签");
        assertThat(stored.coverImage()).isEqualTo("https://img.example.cn/cover.jpg");
        assertThat(stored.figures()).containsExactly(new Figure("https://img.example.cn/1.jpg", "资料图"));
        assertThat(editing.savePublished(article.draft())).isEqualTo(new SaveOutcome(id, SaveOutcome.Kind.UNCHANGED));
        assertThat(editing.savePublished(published("台南市政府").url("https://example.cn/n/nul").draft()).articleId()).isEqualTo(id);
    }

    @ParameterizedTest(name = "naughty string {index}")
    @MethodSource("naughtyStrings")
    void keepsNaughtyStringsExactlyInTitleAndSummary(String naughty) {
        TestArticles article = published(naughty).summary(naughty);
        long id = save(article);

        ArticleDetail stored = lookup.any(id).orElseThrow();

        assertThat(stored.title()).isEqualTo(naughty);
        assertThat(stored.summary()).isEqualTo(naughty);
        assertThat(queries.list(ArticleFilter.visible(), 1, 1).items()).singleElement().satisfies(card -> {
            assertThat(card.title()).isEqualTo(naughty);
            assertThat(card.excerptSource()).isEqualTo(naughty);
        });
        assertThat(editing.savePublished(article.draft()).kind()).isEqualTo(SaveOutcome.Kind.UNCHANGED);
    }

    /** Lines of fixtures/naughty-strings.txt (a part of the Big List of Naughty Strings, MIT). */
    static Stream<String> naughtyStrings() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                ArticleStorageContract.class.getResourceAsStream("/fixtures/naughty-strings.txt"), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long save(TestArticles article) {
        SaveOutcome outcome = editing.savePublished(article.draft());
        assertThat(outcome.kind()).isEqualTo(SaveOutcome.Kind.CREATED);
        return outcome.articleId();
    }

    private void read(long articleId, int times) {
        for (int i = 0; i < times; i++) {
            views.record(articleId);
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static List<String> titles(PageSlice<ArticleCard> slice) {
        return slice.items().stream().map(ArticleCard::title).toList();
    }

    @Test
    void newestVisibleArticlesComeWithBodyAuthorsTagsAndFiguresNewestFirst() {
        Figure figure = new Figure("https://img.example.cn/2023/fig.jpg", "【资料图】");
        long oldest = save(published("一 市政").at("2023-08-25T02:00:00Z").channel("市政").source("台南市政府", "https://www.tainan.gov.tw/")
                .authors("王小明", "李华").tags("交通", "民生").figures(figure).cover("https://img.example.cn/cover.png").summary("摘要一"));
        long culture = save(published("二 文化").at("2023-08-26T02:00:00Z").channel("文化").tags("节庆"));
        long newest = save(published("三 市政").at("2023-08-27T02:00:00Z").channel("市政").authors("陈美玲").body("<p>第三篇正文</p>"));
        save(published("未来 市政").at("2100-01-01T00:00:00Z").channel("市政"));

        List<ArticleDetail> all = queries.newestVisible(ArticleFilter.visible(), 10);
        assertThat(all).extracting(ArticleDetail::id).containsExactly(newest, culture, oldest);
        for (ArticleDetail detail : all) {
            assertThat(detail).as("same as the single-article read").isEqualTo(lookup.any(detail.id()).orElseThrow());
        }
        ArticleDetail first = all.get(2);
        assertThat(first.authors()).containsExactly("王小明", "李华");
        assertThat(first.tags()).extracting(Tag::name).containsExactly("交通", "民生");
        assertThat(first.figures()).containsExactly(figure);
        assertThat(first.source().homepage()).isEqualTo("https://www.tainan.gov.tw/");
        assertThat(all.get(0).bodyHtml()).isEqualTo("<p>第三篇正文</p>");
        assertThat(all.get(1).authors()).isEmpty();

        long city = channels.byName("市政").orElseThrow().id();
        assertThat(queries.newestVisible(ArticleFilter.visible().inChannel(city), 1)).extracting(ArticleDetail::id).containsExactly(newest);
        assertThat(queries.newestVisible(ArticleFilter.visible().taggedWith(tags.byName("节庆").orElseThrow().id()), 10))
                .extracting(ArticleDetail::id).containsExactly(culture);
        ArticleFilter unpublishedToo = new ArticleFilter(city, null, null, null, null, false);
        assertThat(queries.newestVisible(unpublishedToo, 10)).as("never shows what readers may not see yet")
                .extracting(ArticleDetail::id).containsExactly(newest, oldest);
        assertThat(queries.newestVisible(ArticleFilter.visible().fromSource(999_999), 10)).isEmpty();
    }

    // Sitemap reads (appended by the sitemaps work; types fully qualified so the imports stay as they were).

    @Test
    void sitemapReadsSeeOnlyVisibleArticlesByIdRangeWithTheirUpdateTimes() {
        long a = save(published("甲 市政").at("2023-08-25T02:00:00Z").channel("市政").source("台南市政府").tags("交通"));
        long hidden = save(published("乙 未来").at("2100-01-01T00:00:00Z").channel("体育").source("未来社").tags("未来"));
        long c = save(published("丙 市政").at("2023-08-27T02:00:00Z").channel("市政").tags("交通", "节庆"));
        long d = save(published("丁 文化").at("2023-08-28T02:00:00Z").channel("文化"));
        java.util.Map<Long, java.time.Instant> updated = new java.util.HashMap<>();
        for (long id : List.of(a, c, d)) {
            updated.put(id, lookup.any(id).orElseThrow().updatedAt());
        }

        ArticleScans.VisibleSummary all = scans.visibleSummary(a, d);
        assertThat(all.count()).isEqualTo(3);
        assertThat(all.idSum()).isEqualTo(a + c + d);
        assertThat(all.newestUpdate()).isEqualTo(java.util.Collections.max(updated.values()));
        assertThat(all.newestPublication()).isEqualTo("2023-08-28T02:00:00Z");
        assertThat(scans.visibleSummary(hidden, hidden)).isEqualTo(new ArticleScans.VisibleSummary(0, null, null, 0));
        assertThat(scans.visibleSummary(d + 1, Long.MAX_VALUE).count()).isZero();

        List<ArticleScans.Stamp> stamps = new java.util.ArrayList<>();
        scans.eachVisibleInIdRange(a, d, stamps::add);
        assertThat(stamps).containsExactly(new ArticleScans.Stamp(a, updated.get(a)), new ArticleScans.Stamp(c, updated.get(c)),
                new ArticleScans.Stamp(d, updated.get(d)));
        assertThat(stamps.getFirst().url()).isEqualTo("/articles/" + a);
        stamps.clear();
        scans.eachVisibleInIdRange(c, c, stamps::add);
        assertThat(stamps).extracting(ArticleScans.Stamp::id).containsExactly(c);

        // One statement reads `limit` ids, hidden ones included, and says how far it got: the next starts there.
        ArticleRepository repository = context.getBean(ArticleRepository.class);
        List<Long> seen = new java.util.ArrayList<>();
        long reached = repository.scanIdRange(a, d, 1, java.time.Instant.now(), s -> seen.add(s.id()));
        assertThat(reached).isEqualTo(hidden);
        assertThat(seen).isEmpty();
        assertThat(repository.scanIdRange(reached, d, 2, java.time.Instant.now(), s -> seen.add(s.id()))).isEqualTo(d);
        assertThat(seen).containsExactly(c, d);
        assertThat(repository.scanIdRange(d, Long.MAX_VALUE, 2, java.time.Instant.now(), s -> seen.add(s.id()))).isEqualTo(d);

        List<ArticleScans.IdBlock> blocks = scans.visibleIdBlocks(2);
        java.util.Map<Long, List<Long>> expected = new java.util.TreeMap<>();
        for (long id : List.of(a, c, d)) {
            expected.computeIfAbsent((id - 1) / 2 + 1, n -> new java.util.ArrayList<>()).add(id);
        }
        assertThat(blocks).extracting(ArticleScans.IdBlock::number).containsExactlyElementsOf(expected.keySet());
        for (ArticleScans.IdBlock block : blocks) {
            List<Long> ids = expected.get(block.number());
            assertThat(block.firstId()).isEqualTo((block.number() - 1) * 2 + 1);
            assertThat(block.lastId()).isEqualTo(block.number() * 2);
            assertThat(block.visible().count()).isEqualTo(ids.size());
            assertThat(block.visible().idSum()).isEqualTo(ids.stream().mapToLong(Long::longValue).sum());
            assertThat(block.visible().newestUpdate()).isEqualTo(ids.stream().map(updated::get).max(java.util.Comparator.naturalOrder()).orElseThrow());
        }
    }

    @Test
    void sitemapReadsListTheNewestVisibleArticlesAndTheListPagesThatShowAny() {
        java.time.Instant now = java.time.Instant.now();
        long old = save(published("旧闻").at("2023-08-25T02:00:00Z").channel("市政").source("台南市政府").tags("交通"));
        long hourAgo = save(published("一小时前").at(now.minusSeconds(3600)).channel("市政").tags("交通", "节庆"));
        long justNow = save(published("刚刚").at(now.minusSeconds(5)).channel("文化"));
        save(published("明天").at(now.plusSeconds(86_400)).channel("体育").source("未来社").tags("未来"));

        assertThat(queries.visibleSince(now.minusSeconds(7200), 10)).extracting(ArticleCard::id).containsExactly(justNow, hourAgo);
        assertThat(queries.visibleSince(now.minusSeconds(7200), 1)).extracting(ArticleCard::id).containsExactly(justNow);
        assertThat(queries.visibleSince(now.minusSeconds(60), 10)).extracting(ArticleCard::id).containsExactly(justNow);

        List<ArticleScans.ListStamp> pages = new java.util.ArrayList<>();
        scans.eachListPage(100, pages::add);
        Channel city = channels.byName("市政").orElseThrow();
        java.time.Instant cityNewest = java.util.Collections.max(List.of(lookup.any(old).orElseThrow().updatedAt(), lookup.any(hourAgo).orElseThrow().updatedAt()));
        assertThat(pages).extracting(ArticleScans.ListStamp::url).containsExactly(
                city.url(), channels.byName("文化").orElseThrow().url(), sources.byName("台南市政府").orElseThrow().url(),
                tags.byName("节庆").orElseThrow().url(), tags.byName("交通").orElseThrow().url());
        assertThat(pages.getFirst().newestUpdate()).isEqualTo(cityNewest);
        assertThat(pages.get(3).newestUpdate()).isEqualTo(lookup.any(hourAgo).orElseThrow().updatedAt());
        assertThat(pages.get(4).newestUpdate()).isEqualTo(lookup.any(hourAgo).orElseThrow().updatedAt());
        assertThat(pages.get(2).newestUpdate()).isEqualTo(lookup.any(old).orElseThrow().updatedAt());
        assertThat(pages).extracting(ArticleScans.ListStamp::url).doesNotContain(channels.byName("体育").orElseThrow().url(),
                sources.byName("未来社").orElseThrow().url(), tags.byName("未来").orElseThrow().url());

        pages.clear();
        scans.eachListPage(3, pages::add);
        assertThat(pages).hasSize(3);
        pages.clear();
        scans.eachListPage(0, pages::add);
        assertThat(pages).isEmpty();
    }
}
