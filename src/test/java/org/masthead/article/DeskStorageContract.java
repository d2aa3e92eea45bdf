package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The back office's reads ({@link ArticleDesk}), run unchanged on SQLite and on a real PostgreSQL:
 * filters (title words with LIKE's own characters taken literally, status, channel, source, author by
 * byline or account, publish time range), an author seeing only their own articles, counts, the
 * schedule soonest first, activity, tag suggestions, and the actions the rules allow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "masthead.views.flush-interval=1h", "masthead.workflow.publish-check-interval=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class DeskStorageContract {

    static final Actor WANG = new Actor("wang", Actor.Role.AUTHOR, "203.0.113.7");
    static final Actor LI = new Actor("li", Actor.Role.AUTHOR, "203.0.113.8");
    static final Actor EDITOR = new Actor("zhao", Actor.Role.EDITOR, "2001:db8::1");

    @Autowired
    ArticleDesk desk;

    @Autowired
    ArticleEditing editing;

    @Autowired
    ArticleWorkflow workflow;

    @Autowired
    JdbcClient jdbc;

    long wangDraft;
    long wangScheduledLate;
    long wangScheduledSoon;
    long liDraft;
    long imported;

    static ArticleDraft draft(String title, String channel, String source, List<String> authors, List<String> tags, Instant at) {
        return new ArticleDraft(title, null, "<p>" + title + "的正文。</p>", null, at, null, source, null, authors, channel, tags, null, List.of());
    }

    @BeforeEach
    void articles() {
        jdbc.sql("DELETE FROM article").update();
        jdbc.sql("DELETE FROM article_audit").update();
        Instant base = Instant.parse("2026-03-01T00:00:00Z");
        wangDraft = editing.createDraft(draft("春运100%_返程高峰", "交通", "新华社", List.of("王小明"), List.of("春运", "交通"), base), WANG);
        wangScheduledLate = editing.createDraft(draft("地铁新线开通", "交通", null, List.of(), List.of("地铁"), base.plus(Duration.ofDays(10))), WANG);
        wangScheduledSoon = editing.createDraft(draft("Metro Line Opens", "城市", null, List.of(), List.of("地铁"), base.plus(Duration.ofDays(20))), WANG);
        liDraft = editing.createDraft(draft("春运首日", "交通", "人民网", List.of("王小明"), List.of("春运"), base.plus(Duration.ofDays(5))), LI);
        imported = editing.savePublished(draft("导入的文章", "财经", "新华社", List.of("赵六"), List.of("春节"), base.plus(Duration.ofDays(30)))).articleId();
        Instant future = Instant.now().plus(Duration.ofDays(2));
        workflow.apply(wangScheduledLate, ArticleAction.SCHEDULE, EDITOR, future.plus(Duration.ofHours(5)));
        workflow.apply(wangScheduledSoon, ArticleAction.SCHEDULE, EDITOR, future);
    }

    List<Long> ids(DeskQuery q, Actor actor) {
        return desk.list(q, actor, 1, 50).items().stream().map(DeskRow::id).toList();
    }

    @Test
    void filtersByEveryFieldAndTakesLikeCharactersLiterally() {
        DeskQuery all = DeskQuery.all();
        assertThat(ids(all, EDITOR)).hasSize(5);
        assertThat(ids(new DeskQuery("100%_", null, null, null, null, null, null), EDITOR)).containsExactly(wangDraft);
        assertThat(ids(new DeskQuery("%", null, null, null, null, null, null), EDITOR)).containsExactly(wangDraft);
        assertThat(ids(new DeskQuery("metro", null, null, null, null, null, null), EDITOR)).as("Latin letters in any case").containsExactly(wangScheduledSoon);
        assertThat(ids(new DeskQuery("春运", null, null, null, null, null, null), EDITOR)).containsExactlyInAnyOrder(wangDraft, liDraft);
        assertThat(ids(all.withStatus(ArticleStatus.SCHEDULED), EDITOR)).containsExactlyInAnyOrder(wangScheduledLate, wangScheduledSoon);
        assertThat(ids(all.withStatus(ArticleStatus.PUBLISHED), EDITOR)).containsExactly(imported);
        long traffic = jdbc.sql("SELECT id FROM channel WHERE name = '交通'").query(Long.class).single();
        assertThat(ids(new DeskQuery(null, null, traffic, null, null, null, null), EDITOR)).containsExactlyInAnyOrder(wangDraft, wangScheduledLate, liDraft);
        long xinhua = jdbc.sql("SELECT id FROM source WHERE name = '新华社'").query(Long.class).single();
        assertThat(ids(new DeskQuery(null, null, null, xinhua, null, null, null), EDITOR)).containsExactlyInAnyOrder(wangDraft, imported);
        assertThat(ids(new DeskQuery(null, null, null, null, "王小明", null, null), EDITOR)).as("by byline").containsExactlyInAnyOrder(wangDraft, liDraft);
        assertThat(ids(new DeskQuery(null, null, null, null, "li", null, null), EDITOR)).as("by account").containsExactly(liDraft);
        Instant from = Instant.parse("2026-03-02T00:00:00Z");
        Instant to = Instant.parse("2026-04-01T00:00:00Z");
        assertThat(ids(new DeskQuery(null, null, null, null, null, from, to), EDITOR)).as("publish time in [from, to)").containsExactly(imported, liDraft);
        assertThat(ids(new DeskQuery("春运", ArticleStatus.DRAFT, traffic, null, "王小明", null, from), EDITOR)).containsExactly(wangDraft);
    }

    @Test
    void anAuthorSeesOnlyTheirOwnArticlesCountsAndSchedule() {
        assertThat(ids(DeskQuery.all(), WANG)).containsExactlyInAnyOrder(wangDraft, wangScheduledLate, wangScheduledSoon);
        assertThat(ids(DeskQuery.all(), LI)).containsExactly(liDraft);
        assertThat(ids(new DeskQuery(null, null, null, null, "li", null, null), WANG)).as("a filter cannot widen an author's view").isEmpty();
        Map<ArticleStatus, Long> editorCounts = desk.counts(EDITOR);
        assertThat(editorCounts).containsEntry(ArticleStatus.DRAFT, 2L).containsEntry(ArticleStatus.SCHEDULED, 2L)
                .containsEntry(ArticleStatus.PUBLISHED, 1L).containsEntry(ArticleStatus.ARCHIVED, 0L).hasSize(6);
        assertThat(desk.counts(LI)).containsEntry(ArticleStatus.DRAFT, 1L).containsEntry(ArticleStatus.SCHEDULED, 0L).containsEntry(ArticleStatus.PUBLISHED, 0L);
        assertThat(desk.scheduledNext(EDITOR, 10)).extracting(DeskRow::id).as("soonest first").containsExactly(wangScheduledSoon, wangScheduledLate);
        assertThat(desk.scheduledNext(LI, 10)).isEmpty();
    }

    @Test
    void activityNamesTheArticleAndKeepsAnAuthorsOwn() {
        List<DeskActivity> all = desk.activity(EDITOR, 50);
        assertThat(all.getFirst().entry().action()).isEqualTo(ArticleAction.SCHEDULE);
        assertThat(all.getFirst().articleTitle()).isEqualTo("Metro Line Opens");
        assertThat(all).hasSize(7);
        List<DeskActivity> li = desk.activity(LI, 50);
        assertThat(li).extracting(a -> a.entry().articleId()).containsOnly(liDraft);
        workflow.delete(liDraft, LI);
        List<DeskActivity> afterDelete = desk.activity(LI, 50);
        assertThat(afterDelete.getFirst().entry().action()).isEqualTo(ArticleAction.DELETE);
        assertThat(afterDelete.getFirst().articleTitle()).as("the article is gone, its line stays").isNull();
    }

    @Test
    void suggestsTagsByPrefixTheMostUsedFirst() {
        assertThat(desk.tagNames("春", 10)).containsExactly("春运", "春节");
        assertThat(desk.tagNames("地", 10)).containsExactly("地铁");
        assertThat(desk.tagNames("%", 10)).isEmpty();
        assertThat(desk.tagNames("", 2)).hasSize(2);
    }

    @Test
    void opensWithTheActionsTheRulesAllowAndRefusesOthersArticles() {
        DeskArticle own = desk.open(wangDraft, WANG);
        assertThat(own.actions()).containsExactlyInAnyOrder(ArticleAction.SUBMIT, ArticleAction.DELETE);
        assertThat(own.editable()).isTrue();
        assertThat(own.content().tags()).containsExactly("春运", "交通");
        assertThat(own.content().channelName()).isEqualTo("交通");
        assertThat(own.content().sourceName()).isEqualTo("新华社");
        assertThat(desk.open(wangDraft, EDITOR).actions())
                .containsExactlyInAnyOrder(ArticleAction.SUBMIT, ArticleAction.SCHEDULE, ArticleAction.PUBLISH, ArticleAction.DELETE);
        assertThat(desk.open(imported, EDITOR).actions()).containsExactlyInAnyOrder(ArticleAction.UNPUBLISH, ArticleAction.ARCHIVE, ArticleAction.DELETE);
        DeskArticle scheduled = desk.open(wangScheduledSoon, WANG);
        assertThat(scheduled.actions()).as("an author cannot take back a schedule").isEmpty();
        assertThat(scheduled.editable()).isFalse();
        ArticleRefused refused = catchThrowableOfType(ArticleRefused.class, () -> desk.open(liDraft, WANG));
        assertThat(refused.reason()).isEqualTo(ArticleRefused.Reason.FORBIDDEN);
        assertThat(catchThrowableOfType(ArticleRefused.class, () -> desk.open(999_999, EDITOR)).reason()).isEqualTo(ArticleRefused.Reason.NOT_FOUND);
    }
}
