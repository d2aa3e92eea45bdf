package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.article.TestArticles.published;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.channel.Channel;
import org.masthead.channel.ChannelEditing;
import org.masthead.channel.ChannelNode;
import org.masthead.channel.Channels;
import org.masthead.channel.ChannelsChanged;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.Refusal;
import org.masthead.tag.Tag;
import org.masthead.tag.Tags;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The taxonomy's SQL (channel tree, slug history, tag merge and aliases, bylines, usage counts, the
 * admin audit trail), run unchanged on SQLite and on a real PostgreSQL by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "masthead.views.flush-interval=1h")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@RecordApplicationEvents
abstract class TaxonomyStorageContract {

    static final AdminAudit.By EDITOR = new AdminAudit.By("editor.wang", "192.0.2.7");

    @Autowired
    ArticleEditing editing;

    @Autowired
    ArticleRelabelling relabelling;

    @Autowired
    TaxonomyUsage usage;

    @Autowired
    Channels channels;

    @Autowired
    ChannelEditing channelEditing;

    @Autowired
    Tags tags;

    @Autowired
    AdminAudit audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void startFromEmptyTables() {
        for (String table : List.of("article_tag", "article_author", "article_figure", "article_revision", "article", "tag_alias", "tag",
                "channel_slug_history", "byline_alias", "admin_audit")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        // Children before parents: the foreign key of parent_id.
        jdbc.sql("UPDATE channel SET parent_id = NULL").update();
        jdbc.sql("DELETE FROM channel").update();
    }

    @Test
    void buildsATreeMovesAmongSiblingsAndRefusesCycles() {
        Channel news = channelEditing.create(EDITOR, "要闻", "", null);
        Channel money = channelEditing.create(EDITOR, "财经", "money", null);
        Channel stocks = channelEditing.create(EDITOR, "股市", "", money.id());
        Channel funds = channelEditing.create(EDITOR, "基金", "Funds", money.id());
        assertThat(news.slug()).isEqualTo("要闻");
        assertThat(funds.slug()).isEqualTo("funds");
        assertThat(tree()).containsExactly("要闻@0", "财经@0", "股市@1", "基金@1");

        channelEditing.move(EDITOR, funds.id(), true);
        channelEditing.move(EDITOR, money.id(), true);
        channelEditing.move(EDITOR, money.id(), true); // already first: nothing moves
        assertThat(tree()).containsExactly("财经@0", "基金@1", "股市@1", "要闻@0");

        assertThatThrownBy(() -> channelEditing.edit(EDITOR, money.id(), "财经", "money", funds.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("channel.error.cycle"));
        channelEditing.edit(EDITOR, stocks.id(), "股市", "stocks", null); // to the top level: a NULL parameter on both databases
        assertThat(tree()).containsExactly("财经@0", "基金@1", "要闻@0", "股市@0");
        assertThat(events.stream(ChannelsChanged.class).count()).isEqualTo(4 + 2 + 1);
        assertThat(audit.recent("channel.", 50)).extracting(AdminAudit.Entry::action).contains("channel.create", "channel.move", "channel.edit");
        assertThat(audit.recent("channel.", 1).getFirst().detail()).contains("slug 股市 → stocks", "parent " + money.id() + " → null");
    }

    @Test
    void aChangedSlugIsRememberedUntilAChannelTakesItAgain() {
        long article = editing.savePublished(published("迁址").channel("国际").draft()).articleId();
        Channel world = channels.byName("国际").orElseThrow();
        Channel renamed = relabelling.editChannel(EDITOR, world.id(), "国际新闻", "world", null);
        assertThat(renamed.slug()).isEqualTo("world");
        assertThat(channels.bySlug("国际")).isEmpty();
        assertThat(channels.formerSlug("国际")).map(Channel::id).hasValue(world.id());
        assertThat(events.stream(ArticlesRelabelled.class).flatMap(e -> e.articleIds().stream())).containsExactly(article);

        relabelling.editChannel(EDITOR, world.id(), "国际新闻", "global", null);
        assertThat(channels.formerSlug("国际")).map(Channel::slug).hasValue("global");
        assertThat(channels.formerSlug("world")).map(Channel::slug).hasValue("global");
        Channel other = channelEditing.create(EDITOR, "世界", "world", null);
        assertThat(channels.formerSlug("world")).as("a current slug is nobody's old one").isEmpty();
        assertThat(channels.bySlug("world")).map(Channel::id).hasValue(other.id());
        assertThatThrownBy(() -> channelEditing.edit(EDITOR, world.id(), "国际新闻", "World", null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.arguments()).containsExactly("world", "世界"));
        assertThatThrownBy(() -> channelEditing.edit(EDITOR, world.id(), "国际新闻", "a/b", null)).isInstanceOf(Refusal.class);
    }

    @Test
    void deletingAChannelMovesItsArticlesOnlyWhenAsked() {
        long a = editing.savePublished(published("甲").channel("旧栏目").draft()).articleId();
        long b = editing.savePublished(published("乙").channel("旧栏目").draft()).articleId();
        Channel target = channelEditing.create(EDITOR, "新栏目", "", null);
        long old = channels.byName("旧栏目").orElseThrow().id();
        assertThat(usage.articlesPerChannel()).containsEntry(old, 2L).doesNotContainKey(target.id());

        assertThatThrownBy(() -> relabelling.deleteChannel(EDITOR, old, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.arguments()).containsExactly("旧栏目", 2));
        relabelling.deleteChannel(EDITOR, old, target.id());
        assertThat(channels.byId(old)).isEmpty();
        assertThat(jdbc.sql("SELECT channel_id FROM article WHERE id IN (?, ?)").params(a, b).query(Long.class).list()).containsOnly(target.id());
        assertThat(usage.articlesPerChannel()).containsEntry(target.id(), 2L);
    }

    @Test
    void mergingTagsKeepsOneRowPerArticleAtTheBetterPositionAndAliasesTheOldName() {
        long a1 = editing.savePublished(published("一").tags("台风", "气象").draft()).articleId();
        long a2 = editing.savePublished(published("二").tags("气象", "台风天气").draft()).articleId();
        long a3 = editing.savePublished(published("三").tags("台风天气").draft()).articleId();
        long a4 = editing.savePublished(published("四").tags("台风天气", "气象", "台风").draft()).articleId();
        long typhoon = tags.byName("台风").orElseThrow().id();
        long weather = tags.byName("台风天气").orElseThrow().id();

        relabelling.mergeTags(EDITOR, weather, typhoon);
        assertThat(tagsOf(a1)).containsExactly("台风", "气象");
        assertThat(tagsOf(a2)).containsExactly("气象", "台风");
        assertThat(tagsOf(a3)).containsExactly("台风");
        assertThat(tagsOf(a4)).as("had both: one row, at the first of their places").containsExactly("台风", "气象");
        assertThat(tags.formerName("台风天气")).map(Tag::id).hasValue(typhoon);
        assertThat(tags.ensure(List.of("台风天气", "台风", "新标签"))).extracting(Tag::name).containsExactly("台风", "新标签");
        assertThat(events.stream(ArticlesRelabelled.class).flatMap(e -> e.articleIds().stream())).containsExactlyInAnyOrder(a2, a3, a4);

        relabelling.renameTag(EDITOR, typhoon, "台风动态");
        assertThat(tags.formerName("台风").map(Tag::name)).hasValue("台风动态");
        assertThat(tags.formerName("台风天气").map(Tag::name)).as("aliases follow the tag").hasValue("台风动态");
        assertThat(usage.tags("台风", 1, 10).items()).extracting(t -> t.tag().name() + ":" + t.articles()).containsExactly("台风动态:4");
        assertThatThrownBy(() -> relabelling.deleteTag(EDITOR, typhoon)).isInstanceOf(Refusal.class);
        relabelling.deleteTag(EDITOR, tags.byName("新标签").orElseThrow().id());
        assertThat(tags.byName("新标签")).isEmpty();
        assertThat(audit.recent("tag.", 10)).extracting(AdminAudit.Entry::action).containsExactly("tag.delete", "tag.rename", "tag.merge");
        assertThat(audit.recent("tag.", 10).getLast()).satisfies(e -> {
            assertThat(e.user()).isEqualTo("editor.wang");
            assertThat(e.address()).isEqualTo("192.0.2.7");
            assertThat(e.detail()).isEqualTo("3 articles");
        });
    }

    @Test
    void searchesTagsAndBylinesTakingWildcardsLiterallyAndIgnoringLatinCase() {
        editing.savePublished(published("一").tags("AI_芯片", "AIX芯片", "100%").authors("Li Lei", "李雷").draft());
        assertThat(usage.tags("ai_", 1, 10).items()).extracting(t -> t.tag().name()).containsExactly("AI_芯片");
        assertThat(usage.tags("%", 1, 10).items()).extracting(t -> t.tag().name()).containsExactly("100%");
        assertThat(usage.tags("", 1, 2).total()).isEqualTo(3);
        assertThat(usage.tags("", 2, 2).items()).hasSize(1);
        assertThat(usage.bylines("li", 1, 10).items()).extracting(TaxonomyUsage.BylineCount::name).containsExactly("Li Lei");
        assertThat(usage.bylines("雷", 1, 10).items()).extracting(TaxonomyUsage.BylineCount::name).containsExactly("李雷");
        assertThat(usage.bylines("", 1, 10).total()).isEqualTo(2);
    }

    @Test
    void renamingABylineMergesDuplicatesAndChainsItsOldNames() {
        long a = editing.savePublished(published("一").authors("记者甲", "记者乙").draft()).articleId();
        long b = editing.savePublished(published("二").authors("记者甲").draft()).articleId();
        assertThat(relabelling.renameByline(EDITOR, "记者甲", "记者乙")).isEqualTo(2);
        assertThat(authorsOf(a)).containsExactly("记者乙");
        assertThat(authorsOf(b)).containsExactly("记者乙");
        assertThat(relabelling.renameByline(EDITOR, "记者乙", "本报记者")).isEqualTo(2);
        assertThat(usage.bylineRenamedTo("记者甲")).hasValue("本报记者");
        assertThat(usage.bylineRenamedTo("记者乙")).hasValue("本报记者");
        assertThat(usage.bylineRenamedTo("本报记者")).isEmpty();
        assertThatThrownBy(() -> relabelling.renameByline(EDITOR, "记者甲", "谁")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.messageKey()).isEqualTo("byline.error.notFound"));
        assertThat(audit.recent("byline.", 5)).extracting(AdminAudit.Entry::action).containsExactly("byline.rename", "byline.merge");
    }

    private List<String> tree() {
        return channels.tree().stream().map((ChannelNode n) -> n.channel().name() + "@" + n.depth()).toList();
    }

    private List<String> tagsOf(long article) {
        return jdbc.sql("SELECT t.name FROM article_tag x JOIN tag t ON t.id = x.tag_id WHERE x.article_id = ? ORDER BY x.position")
                .param(article).query(String.class).list();
    }

    private List<String> authorsOf(long article) {
        return jdbc.sql("SELECT name FROM article_author WHERE article_id = ? ORDER BY position").param(article).query(String.class).list();
    }
}
