package org.masthead.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.article.ArticleChecksum;
import org.masthead.article.ArticleVersion;
import org.masthead.search.ArticleDocument;
import org.masthead.search.FacetCount;
import org.masthead.search.Hit;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.search.SearchSettings;
import org.masthead.search.Suggestion;
import org.masthead.search.Visibility;

/** The Lucene index on its own, with hand-made documents: matching, ranking, filters, snippets, suggestions, rebuild. */
class LuceneSearchIndexTest {

    static final Instant NOW = Instant.parse("2018-11-30T04:00:00Z");

    @TempDir
    Path dir;

    LuceneSearchIndex index;

    @BeforeEach
    void open() {
        index = open(dir);
    }

    @AfterEach
    void close() throws Exception {
        if (index != null) {
            index.destroy();
        }
    }

    static LuceneSearchIndex open(Path dir) {
        return new LuceneSearchIndex(new SearchSettings(dir, Duration.ofSeconds(2), 0.5f, Duration.ofDays(14), Duration.ZERO, 2000, false),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static ArticleDocument doc(long id, String title, String text) {
        return new ArticleDocument(id, "/articles/" + id, title, text, List.of(), "新浪新闻", "社会", "society", "published",
                NOW.minus(Duration.ofDays(id)), NOW.minus(Duration.ofDays(id)));
    }

    static ArticleDocument doc(long id, String title, String text, List<String> tags, String source, String channel, Instant publishedAt) {
        return new ArticleDocument(id, "/articles/" + id, title, text, tags, source, channel, channel, "published", publishedAt, publishedAt);
    }

    void add(ArticleDocument... docs) {
        index.apply(List.of(docs), List.of());
        index.refresh();
    }

    List<Long> ids(String q) {
        return ids(index.search(SearchQuery.of(q)));
    }

    static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(Hit::id).toList();
    }

    @Test
    void aWordMatchesOnlyWhereItsCharactersStandTogether() {
        add(doc(1, "武侠小说泰斗逝世", "金庸先生昨日在香港逝世。"),
                doc(2, "秋日随笔", "金色的阳光照在平庸的日子上。"));
        assertThat(ids("金庸")).containsExactly(1L);
    }

    @Test
    void aWordTheSegmenterFusedIntoALongerOneIsFoundThroughTheBigramsAndMarked() {
        try (var analyzer = ArticleFields.perField(ArticleFields.Use.INDEX)) {
            assertThat(QueryBuilder.tokens(analyzer, ArticleFields.TEXT, "学生会主席今天发表讲话。", 10)).extracting(QueryBuilder.Token::term)
                    .as("the segmenter keeps 学生会 whole").contains("学生会").doesNotContain("学生");
        }
        add(doc(1, "校园新闻", "学生会主席今天发表讲话。"), doc(2, "学生来信", "今天的学生很多。"), doc(3, "校园", "学校生活丰富。"));
        List<Long> found = ids("学生");
        assertThat(found).containsExactly(2L, 1L);
        SearchResults results = index.search(SearchQuery.of("学生"));
        assertThat(results.hits().get(1).snippet()).contains("<mark>学生</mark>会");
        assertThat(results.hits().get(0).titleHtml()).isEqualTo("<mark>学生</mark>来信");
    }

    @Test
    void titleTagsAndSourceCountMoreThanTheBody() {
        // As on a real site every article has tags and a source, so those fields have realistic statistics.
        Instant t = NOW.minus(Duration.ofDays(5));
        add(doc(1, "动物园迎来新成员", "园方介绍，熊猫馆今天开放，熊猫一家和游客见面，熊猫很受欢迎。", List.of("动物园"), "新京报", "社会", t),
                doc(2, "熊猫一家今天和游客见面", "园方介绍，新馆今天开放。", List.of("动物园"), "新京报", "社会", t),
                doc(3, "动物园新馆开放", "园方介绍，新馆今天开放。", List.of("熊猫"), "新京报", "社会", t),
                doc(4, "动物园新馆又开放", "园方介绍，新馆今天开放。", List.of("动物园"), "熊猫日报", "社会", t),
                doc(5, "动物园门票调整", "园方介绍，门票调整。", List.of("动物园"), "新京报", "社会", t),
                doc(6, "动物园夜场", "园方介绍，夜场开放。", List.of("旅游"), "北京日报", "社会", t));
        List<Long> ranked = ids("熊猫");
        assertThat(ranked).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(ranked.getLast()).as("body only, though three times").isEqualTo(1L);
    }

    @Test
    void aStoryIsOneResultShownAsItsBestRankedMemberWithItsSourcesCounted() {
        Instant t = NOW.minus(Duration.ofDays(3));
        add(doc(1, "熊猫基地迎来双胞胎", "大熊猫基地今天宣布双胞胎出生。", List.of(), "新京报", "社会", t).inStory(77L),
                doc(2, "双胞胎熊猫出生", "大熊猫基地今天宣布双胞胎出生。", List.of(), "澎湃新闻", "社会", t.plusSeconds(60)).inStory(77L),
                doc(3, "熊猫熊猫熊猫双胞胎", "熊猫基地的熊猫双胞胎出生。", List.of(), "新京报", "社会", t.plusSeconds(120)).inStory(77L),
                doc(4, "熊猫馆开放", "熊猫馆今天开放。", List.of(), "北京日报", "社会", t),
                doc(5, "动物园", "另一只熊猫。", List.of(), "人民网", "社会", t));
        SearchResults results = index.search(SearchQuery.of("熊猫"));
        assertThat(results.articles()).isEqualTo(5);
        assertThat(results.total()).as("three results: the story once, two lone articles").isEqualTo(3);
        assertThat(results.hits()).hasSize(3);
        Hit story = results.hits().getFirst();
        assertThat(story.id()).as("the member with the best match heads the story").isEqualTo(3L);
        assertThat(story.storyId()).isEqualTo(77L);
        assertThat(story.storyArticles()).isEqualTo(3);
        assertThat(story.sources()).as("新京报 twice and 澎湃新闻: two sources").isEqualTo(2);
        assertThat(story.otherSources()).isEqualTo(1);
        assertThat(story.others()).extracting(Hit.StoryMember::id).as("first published first").containsExactly(1L, 2L);
        assertThat(story.others()).extracting(Hit.StoryMember::url).containsExactly("/articles/1", "/articles/2");
        Hit lone = results.hits().get(1);
        assertThat(lone.storyId()).isNull();
        assertThat(lone.sources()).isEqualTo(1);
        assertThat(lone.others()).isEmpty();
        assertThat(results.sources()).as("facets count articles").contains(new org.masthead.search.FacetCount("新京报", 2));

        SearchResults byTime = index.search(SearchQuery.of("熊猫").orderedBy(SearchQuery.Order.TIME));
        assertThat(ids(byTime)).as("newest member heads the story in time order (then by id)").containsExactly(3L, 5L, 4L);

        SearchResults filtered = index.search(SearchQuery.of("熊猫").fromSource("澎湃新闻"));
        assertThat(ids(filtered)).containsExactly(2L);
        assertThat(filtered.hits().getFirst().sources()).as("only what the search finds counts").isEqualTo(1);
        assertThat(filtered.hits().getFirst().others()).isEmpty();
    }

    @Test
    void pagesCountStoriesAndRankMoreWhenAStoryFillsTheHeadroom() {
        List<ArticleDocument> docs = new java.util.ArrayList<>();
        // 60 copies of one story rank above 15 lone articles: page 1 of size 10 must still be full.
        for (int i = 1; i <= 60; i++) {
            docs.add(doc(i, "熊猫熊猫熊猫", "熊猫熊猫。", List.of(), "新京报", "社会", NOW.minus(Duration.ofDays(1))).inStory(5L));
        }
        for (int i = 61; i <= 75; i++) {
            docs.add(doc(i, "动物园" + i, "一只熊猫。", List.of(), "新京报", "社会", NOW.minus(Duration.ofDays(1))));
        }
        add(docs.toArray(ArticleDocument[]::new));
        SearchResults first = index.search(SearchQuery.of("熊猫").page(1, 10));
        assertThat(first.total()).isEqualTo(16);
        assertThat(first.articles()).isEqualTo(75);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.hits()).hasSize(10);
        assertThat(first.hits().getFirst().storyArticles()).isEqualTo(60);
        assertThat(first.hits().getFirst().others()).hasSize(Hit.MAX_OTHERS);
        SearchResults second = index.search(SearchQuery.of("熊猫").page(2, 10));
        assertThat(second.hits()).hasSize(6);
        java.util.Set<Long> seen = new java.util.HashSet<>(ids(first));
        assertThat(ids(second)).doesNotContainAnyElementsOf(seen);
        seen.addAll(ids(second));
        assertThat(seen).hasSize(16);
    }

    @Test
    void recencyBreaksTiesButDoesNotBeatAMuchBetterMatch() {
        add(doc(1, "熊猫", "熊猫。"), doc(2, "熊猫", "熊猫。"), doc(3, "熊猫", "熊猫。"));
        assertThat(ids("熊猫")).containsExactly(1L, 2L, 3L);
        add(doc(40, "大熊猫基地的熊猫", "熊猫。"), doc(41, "动物园", "一只熊猫。"));
        assertThat(ids("熊猫").indexOf(41L)).isGreaterThan(ids("熊猫").indexOf(40L));
    }

    @Test
    void phrasesNeedTheirWordsInOrderAndExclusionsRemove() {
        add(doc(1, "两地", "北京上海两地联动。"),
                doc(2, "两地", "上海与北京两地联动。"),
                doc(3, "两地", "北京上海四川三地联动。"));
        assertThat(ids("北京 上海")).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(ids("\"北京上海\"")).containsExactlyInAnyOrder(1L, 3L);
        assertThat(ids("北京 上海 -四川")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("\"北京上海\" -\"四川三地\"")).containsExactly(1L);
        assertThat(index.search(SearchQuery.of("-北京")).notice()).isNotNull();
        assertThat(index.search(SearchQuery.of("-北京")).total()).isZero();
    }

    @Test
    void filtersByChannelSourceTagAndTime() {
        Instant oct = Instant.parse("2018-10-10T00:00:00Z");
        Instant nov = Instant.parse("2018-11-10T00:00:00Z");
        add(doc(1, "股市", "股市收涨。", List.of("A股"), "新浪财经", "财经", oct),
                doc(2, "股市", "股市收跌。", List.of("港股"), "新浪财经", "财经", nov),
                doc(3, "股市", "股市评论。", List.of("A股"), "新华社", "评论", nov));
        SearchQuery q = SearchQuery.of("股市");
        assertThat(ids(index.search(q.inChannel("财经")))).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids(index.search(q.fromSource("新华社")))).containsExactly(3L);
        assertThat(ids(index.search(q.taggedWith("A股")))).containsExactlyInAnyOrder(1L, 3L);
        assertThat(ids(index.search(q.between(Instant.parse("2018-11-01T00:00:00Z"), null)))).containsExactlyInAnyOrder(2L, 3L);
        assertThat(ids(index.search(q.between(null, Instant.parse("2018-10-31T00:00:00Z"))))).containsExactly(1L);
        assertThat(index.search(q.inChannel("没有的栏目")).total()).isZero();
        SearchResults all = index.search(q);
        assertThat(all.channels()).containsExactly(new FacetCount("财经", 2), new FacetCount("评论", 1));
        assertThat(all.sources()).containsExactly(new FacetCount("新浪财经", 2), new FacetCount("新华社", 1));
    }

    @Test
    void sortsByTimeAndPages() {
        for (long id = 1; id <= 25; id++) {
            add(doc(id, "第" + id + "篇 熊猫", "熊猫。"));
        }
        SearchResults second = index.search(SearchQuery.of("熊猫").orderedBy(SearchQuery.Order.TIME).page(2, 10));
        assertThat(second.total()).isEqualTo(25);
        assertThat(second.totalPages()).isEqualTo(3);
        assertThat(ids(second)).containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
        assertThat(ids(index.search(SearchQuery.of("熊猫").page(3, 10)))).hasSize(5);
        assertThat(ids(index.search(SearchQuery.of("熊猫").page(4, 10)))).isEmpty();
        assertThatThrownBy(() -> SearchQuery.of("熊猫").page(101, 10)).hasMessageStartingWith("page:");
    }

    @Test
    void snippetsMarkMatchesAndEscapeEverythingElse() {
        add(doc(1, "<b>熊猫</b> & \"朋友\"", "开头。<script>alert('熊猫')</script> 熊猫 & \"朋友\" <img src=x onerror=alert(1)>。结尾。"));
        Hit hit = index.search(SearchQuery.of("熊猫")).hits().getFirst();
        assertThat(hit.snippet()).contains("&lt;script&gt;alert(&#39;<mark>熊猫</mark>&#39;)&lt;/script&gt; <mark>熊猫</mark> &amp; &quot;朋友&quot;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
        assertThat(hit.titleHtml()).isEqualTo("&lt;b&gt;<mark>熊猫</mark>&lt;/b&gt; &amp; &quot;朋友&quot;");
        assertThat(hit.title()).isEqualTo("<b>熊猫</b> & \"朋友\"");
    }

    @Test
    void aPhraseIsMarkedAsOneRunAndLongTextIsCutAroundTheMatch() {
        String filler = "这是一段很长的没有关键词的文字，".repeat(30);
        add(doc(1, "标题", filler + "武侠小说泰斗金庸先生逝世。" + filler));
        String snippet = index.search(SearchQuery.of("金庸")).hits().getFirst().snippet();
        assertThat(snippet).contains("<mark>金庸</mark>").startsWith("…").endsWith("…");
        assertThat(snippet.replaceAll("<[^>]+>", "").length()).isLessThanOrEqualTo(130);
    }

    @Test
    void showsOnlyPublishedArticlesWhoseTimeHasCome() {
        add(doc(1, "熊猫", "熊猫。"),
                new ArticleDocument(2, "/articles/2", "熊猫", "熊猫。", List.of(), null, null, null, "published", NOW.plusSeconds(60), NOW),
                new ArticleDocument(3, "/articles/3", "熊猫", "熊猫。", List.of(), null, null, null, "draft", NOW.minusSeconds(60), NOW));
        assertThat(ids("熊猫")).containsExactly(1L);
        assertThat(index.suggest("熊", 5)).extracting(Suggestion::id).containsExactly(1L);
    }

    @Test
    void suggestsTitlesContainingWhatWasTypedNewestFirst() {
        add(doc(1, "特朗普访问日本", "正文。"), doc(2, "特朗普会见普京", "正文。"), doc(3, "特色小镇建设", "正文。"), doc(4, "特朗普会见普京", "转载。"),
                doc(5, "iPhone XS 开售", "正文。"));
        assertThat(index.suggest("特朗", 5)).extracting(Suggestion::title).containsExactly("特朗普访问日本", "特朗普会见普京");
        assertThat(index.suggest("会见", 5)).extracting(Suggestion::id).containsExactly(2L);
        assertThat(index.suggest("ＩＰＨＯ", 5)).extracting(Suggestion::id).containsExactly(5L);
        assertThat(index.suggest("!!!", 5)).isEmpty();
        assertThat(index.suggest("", 5)).isEmpty();
    }

    @Test
    void offersACorrectionThatHasHits() {
        add(doc(1, "金庸逝世 享年94岁", "武侠小说泰斗金庸逝世。"), doc(2, "iPhone XS 开售", "苹果新手机。"));
        SearchResults miss = index.search(SearchQuery.of("金镛"));
        assertThat(miss.total()).isZero();
        assertThat(miss.didYouMean()).isEqualTo("金庸");
        assertThat(index.search(SearchQuery.of("金镛逝世")).didYouMean()).isEqualTo("金庸逝世");
        assertThat(index.search(SearchQuery.of("iphnoe")).didYouMean()).isEqualTo("iphone");
        assertThat(index.search(SearchQuery.of("金庸")).didYouMean()).isNull();
        assertThat(index.search(SearchQuery.of("量子纠缠")).didYouMean()).isNull();
    }

    @Test
    void updatesReplaceAndRemovalsDelete() {
        add(doc(1, "旧标题 熊猫", "正文。"));
        add(doc(1, "新标题 老虎", "正文。"));
        assertThat(ids("熊猫")).isEmpty();
        assertThat(ids("老虎")).containsExactly(1L);
        index.apply(List.of(), List.of(1L));
        assertThat(ids("老虎")).as("not before the refresh").containsExactly(1L);
        index.refresh();
        assertThat(ids("老虎")).isEmpty();
        assertThat(index.checksum().count()).isZero();
    }

    @Test
    void checksumAndVersionsDescribeWhatIsHeld() {
        add(doc(1, "一", "一。"), doc(2, "二", "二。"));
        var checksum = index.checksum();
        assertThat(checksum.count()).isEqualTo(2);
        assertThat(checksum.idSum()).isEqualTo(3);
        assertThat(checksum.updatedAtSum()).isEqualTo(NOW.minus(Duration.ofDays(1)).toEpochMilli() + NOW.minus(Duration.ofDays(2)).toEpochMilli());
        assertThat(checksum.statusSum()).isEqualTo(3 * ArticleChecksum.statusWeight("published"));
        assertThat(index.versions()).containsEntry(1L, new ArticleVersion(1, NOW.minus(Duration.ofDays(1)), "published")).hasSize(2);
        add(new ArticleDocument(3, "/articles/3", "三", "三。", List.of(), null, null, null, "draft", NOW, NOW));
        assertThat(index.checksum().statusSum()).isEqualTo(3 * ArticleChecksum.statusWeight("published") + 3 * ArticleChecksum.statusWeight("draft"));
        assertThat(index.versions().get(3L).status()).isEqualTo("draft");
    }

    static ArticleDocument withStatus(long id, String title, String text, String source, String channel, String status, Instant publishedAt) {
        return new ArticleDocument(id, "/articles/" + id, title, text, List.of("秘密标签"), source, channel, channel, status, publishedAt, publishedAt);
    }

    /**
     * The index holds drafts, scheduled, unpublished and archived articles for the back office; a
     * search for readers must not show them anywhere: hits, totals, facet counts, suggestions, "did
     * you mean", filters on their channel or source.
     */
    @Test
    void nothingButPublishedAndDueArticlesReachesReaders() {
        Instant past = NOW.minus(Duration.ofDays(3));
        add(doc(1, "熊猫基地开放", "大熊猫馆今天开放。", List.of(), "新京报", "社会", past),
                withStatus(2, "熊猫草稿 保密词", "草稿里的熊猫和保密词。", "内部来源", "内部栏目", "draft", past),
                withStatus(3, "熊猫定时 保密词", "定时发布的熊猫和保密词。", "内部来源", "内部栏目", "published", NOW.plus(Duration.ofHours(2))),
                withStatus(4, "熊猫撤下 保密词", "撤下的熊猫和保密词。", "内部来源", "内部栏目", "unpublished", past),
                withStatus(5, "熊猫归档 保密词", "归档的熊猫和保密词。", "内部来源", "内部栏目", "archived", past),
                withStatus(6, "熊猫排期 保密词", "排期的熊猫和保密词。", "内部来源", "内部栏目", "scheduled", past));

        SearchResults panda = index.search(SearchQuery.of("熊猫"));
        assertThat(ids(panda)).containsExactly(1L);
        assertThat(panda.total()).isEqualTo(1);
        assertThat(panda.channels()).containsExactly(new FacetCount("社会", 1));
        assertThat(panda.sources()).containsExactly(new FacetCount("新京报", 1));
        assertThat(panda.hits()).extracting(Hit::status).containsExactly("published");
        for (String q : List.of("保密词", "秘密标签", "内部来源", "草稿", "熊猫 保密词")) {
            SearchResults secret = index.search(SearchQuery.of(q));
            assertThat(secret.total()).as(q).isZero();
            assertThat(secret.channels()).as(q).isEmpty();
            assertThat(secret.sources()).as(q).isEmpty();
            assertThat(secret.didYouMean()).as(q).isNull();
        }
        assertThat(index.search(SearchQuery.of("保秘词")).didYouMean()).as("a correction only toward visible articles").isNull();
        assertThat(index.search(SearchQuery.of("熊猫").inChannel("内部栏目")).total()).isZero();
        assertThat(index.search(SearchQuery.of("熊猫").fromSource("内部来源")).total()).isZero();
        assertThat(index.search(SearchQuery.of("熊猫").orderedBy(SearchQuery.Order.TIME)).hits()).extracting(Hit::id).containsExactly(1L);
        assertThat(index.suggest("熊猫", 10)).extracting(Suggestion::id).containsExactly(1L);
        assertThat(index.suggest("保密", 10)).isEmpty();

        // The back office asks for more, on purpose.
        SearchResults all = index.search(SearchQuery.of("熊猫").visibleAs(Visibility.anyStatus()));
        assertThat(ids(all)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(all.channels()).containsExactly(new FacetCount("内部栏目", 5), new FacetCount("社会", 1));
        assertThat(all.hits()).filteredOn(h -> h.id() == 2L).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo("draft");
            assertThat(h.titleHtml()).isEqualTo("<mark>熊猫</mark>草稿 保密词");
        });
        assertThat(ids(index.search(SearchQuery.of("保密词").visibleAs(Visibility.status("draft"))))).containsExactly(2L);
        assertThat(ids(index.search(SearchQuery.of("保密词").visibleAs(Visibility.status("published"))))).as("scheduled for later, still shown to editors")
                .containsExactly(3L);
        assertThat(index.search(SearchQuery.of("保秘词").visibleAs(Visibility.anyStatus())).didYouMean()).isEqualTo("保密词");
        assertThat(ids(index.search(SearchQuery.of("熊猫").visibleAs(Visibility.anyStatus()).between(past.minusSeconds(1), past.plusSeconds(1)))))
                .containsExactlyInAnyOrder(1L, 2L, 4L, 5L, 6L);
        assertThat(SearchQuery.of("熊猫").visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(SearchQuery.of("熊猫").visibleAs(Visibility.anyStatus()).page(2, 10).inChannel("社会").visibility()).isEqualTo(Visibility.anyStatus());
        assertThatThrownBy(() -> new Visibility(false, "draft")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRebuildAnswersFromTheOldIndexUntilItSwaps() throws Exception {
        add(doc(1, "熊猫", "旧的。"));
        assertThat(index.needsRebuild()).isTrue();
        try (SearchIndex.Rebuild rebuild = index.beginRebuild()) {
            rebuild.apply(List.of(doc(2, "熊猫", "新的。"), doc(3, "熊猫", "新的。")), List.of());
            assertThat(ids("熊猫")).containsExactly(1L);
            rebuild.swap();
        }
        assertThat(ids("熊猫")).containsExactly(2L, 3L);
        assertThat(index.needsRebuild()).isFalse();
        add(doc(4, "熊猫", "之后的。"));
        index.commit();
        index.destroy();
        index = open(dir);
        assertThat(index.needsRebuild()).isFalse();
        assertThat(ids("熊猫")).containsExactly(2L, 3L, 4L);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("current", "index-2");
    }

    @Test
    void anAbandonedRebuildLeavesTheIndexInUse() {
        add(doc(1, "熊猫", "旧的。"));
        try (SearchIndex.Rebuild rebuild = index.beginRebuild()) {
            rebuild.apply(List.of(doc(2, "熊猫", "新的。")), List.of());
        }
        assertThat(ids("熊猫")).containsExactly(1L);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("current", "index-1");
    }

    @Test
    void inputThatNormalisesIntoManyTokensStaysCheap() {
        add(doc(1, "熊猫", "熊猫。"));
        // U+FDFA is one character that NFKC turns into four Arabic words, which the analyzer cuts into
        // 15 one-letter tokens: 200 characters could become 3,000 tokens, times four fields. The caps
        // (32 words or phrases, 64 tokens each) keep it small; Lucene counts a phrase as one clause.
        for (String input : List.of(("\"" + "\uFDFA".repeat(8) + "\" ").repeat(18).strip(), "\uFDFA".repeat(200), "\uFDFA ".repeat(100))) {
            assertThat(input.length()).isLessThanOrEqualTo(200);
            SearchResults results = index.search(SearchQuery.of(input));
            assertThat(results.total()).isZero();
            assertThat(results.tookMs()).isLessThan(1000);
        }
    }

    @Test
    void aProcessThatNeverUsesTheIndexNeverOpensIt() throws Exception {
        index.commit();
        index.refresh();
        index.destroy();
        index = null;
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aSearchOverItsTimeLimitAnswersWithWhatItFoundMarkedPartial() throws Exception {
        index.destroy();
        index = new LuceneSearchIndex(new SearchSettings(dir, Duration.ZERO, 0.5f, Duration.ofDays(14), Duration.ZERO, 2000, false),
                Clock.fixed(NOW, ZoneOffset.UTC));
        add(doc(1, "熊猫", "熊猫。"), doc(2, "熊猫", "熊猫。"));
        SearchResults results = index.search(SearchQuery.of("熊猫"));
        assertThat(results.partial()).isTrue();
        assertThat(results.total()).isLessThanOrEqualTo(2);
    }

    @Test
    void aSecondProcessRunsWithoutSearch() throws Exception {
        assertThat(index.available()).as("opened on first use").isTrue();
        LuceneSearchIndex other = open(dir);
        try {
            assertThat(other.available()).isFalse();
            other.apply(List.of(doc(1, "熊猫", "正文。")), List.of());
            assertThatThrownBy(() -> other.search(SearchQuery.of("熊猫"))).hasMessageContaining("in use by another process");
        } finally {
            other.destroy();
        }
        assertThat(index.available()).isTrue();
    }
}
