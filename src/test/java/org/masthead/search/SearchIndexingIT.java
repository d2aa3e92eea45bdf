package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Actor;
import org.masthead.article.ArticleAction;
import org.masthead.article.ArticleEditing;
import org.masthead.article.ArticleWorkflow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index follows the database: committed saves arrive, rolled-back ones never do, an article that
 * stops being published leaves, and the consistency check repairs what changed behind its back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"masthead.search.repair-limit=3", "masthead.search.always-follow=true"})
class SearchIndexingIT {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    ArticleEditing editing;

    @Autowired
    SearchIndex index;

    @Autowired
    SearchIndexing indexing;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ArticleWorkflow workflow;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    static ArticleDraft draft(String title, String body) {
        return new ArticleDraft(title, null, "<p>" + body + "</p>", null, Instant.parse("2018-11-01T00:00:00Z"),
                "https://example.cn/indexing/" + NEXT.incrementAndGet(), "新京报", null, List.of(), "社会", List.of("测试"), null, List.of());
    }

    /** Without a web server there is no start-up check: the first test builds the new index here. */
    @org.junit.jupiter.api.BeforeEach
    void builtOnce() {
        if (index.needsRebuild()) {
            assertThat(indexing.check().outcome()).isEqualTo(SearchIndexing.Check.Outcome.REBUILT);
        }
        assertThat(index.needsRebuild()).isFalse();
        // The first search loads the segmenter's dictionaries (seconds on a busy machine): not what the
        // one-second limits below are about.
        hits("预热");
    }

    private long hits(String text) {
        return index.search(SearchQuery.of(text)).total();
    }

    private void settled() {
        await().atMost(Duration.ofSeconds(10)).until(() -> indexing.backlog() == 0 && !indexing.reindexing());
    }

    @Test
    void aCommittedSaveIsSearchableWithinASecondAndARolledBackOneNever() {
        transactions.executeWithoutResult(tx -> {
            editing.savePublished(draft("回滚的文章 qqrollback", "正文 qqrollback。"));
            tx.setRollbackOnly();
        });
        long started = System.nanoTime();
        editing.savePublished(draft("提交的文章 qqcommitted", "正文 qqcommitted。"));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5)).until(() -> hits("qqcommitted") == 1);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1000);
        settled();
        assertThat(hits("qqrollback")).isZero();
    }

    @Test
    void anUpdateReplacesAndAnArticleThatIsNoLongerPublishedLeavesThePublicSearchButNotTheIndex() {
        ArticleDraft first = draft("旧标题 qqbefore", "正文。");
        long id = editing.savePublished(first).articleId();
        await().atMost(Duration.ofSeconds(1)).until(() -> hits("qqbefore") == 1);
        editing.savePublished(new ArticleDraft("新标题 qqafter", null, first.bodyHtml(), null, first.publishedAt(), first.originalUrl(),
                first.sourceName(), null, List.of(), first.channelName(), first.tags(), null, List.of()));
        await().atMost(Duration.ofSeconds(1)).until(() -> hits("qqafter") == 1 && hits("qqbefore") == 0);

        // Unpublished through the workflow: its ArticleWithdrawn re-reads it; the index keeps it with its
        // new status for the back office, and readers no longer find it.
        workflow.apply(id, ArticleAction.UNPUBLISH, new Actor("editor1", Actor.Role.EDITOR, null), null);
        await().atMost(Duration.ofSeconds(1)).until(() -> "unpublished".equals(index.versions().get(id).status()));
        assertThat(hits("qqafter")).isZero();
        assertThat(index.search(SearchQuery.of("qqafter").visibleAs(Visibility.anyStatus())).hits()).singleElement()
                .satisfies(h -> assertThat(h.status()).isEqualTo("unpublished"));

        // Back (an unpublished article may be published again), then archived, then deleted: readers lose it each time.
        workflow.apply(id, ArticleAction.PUBLISH, new Actor("editor1", Actor.Role.EDITOR, null), null);
        await().atMost(Duration.ofSeconds(1)).until(() -> hits("qqafter") == 1);
        workflow.apply(id, ArticleAction.ARCHIVE, new Actor("editor1", Actor.Role.EDITOR, null), null);
        await().atMost(Duration.ofSeconds(1)).until(() -> hits("qqafter") == 0);
        long other = editing.savePublished(draft("将被删除 qqdeleted", "正文。")).articleId();
        await().atMost(Duration.ofSeconds(1)).until(() -> hits("qqdeleted") == 1);
        workflow.delete(other, new Actor("admin", Actor.Role.ADMIN, null));
        // A row that is gone leaves the index.
        await().atMost(Duration.ofSeconds(1)).until(() -> hits("qqdeleted") == 0 && !index.versions().containsKey(other));
    }

    @Test
    void theCheckRepairsArticlesChangedBehindTheIndexsBack() {
        long id = editing.savePublished(draft("检查前 qqcheckold", "正文。")).articleId();
        await().atMost(Duration.ofSeconds(1)).until(() -> hits("qqcheckold") == 1);
        settled();
        assertThat(indexing.check().outcome()).isEqualTo(SearchIndexing.Check.Outcome.IN_STEP);

        // Another process (a CLI import while this one holds the index) changed the row: no event here.
        jdbc.sql("UPDATE article SET title = '检查后 qqchecknew', updated_at = updated_at + 1000 WHERE id = ?").param(id).update();
        SearchIndexing.Check check = indexing.check();
        assertThat(check.outcome()).isEqualTo(SearchIndexing.Check.Outcome.REPAIRING);
        assertThat(check.queued()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(1)).until(() -> hits("qqchecknew") == 1 && hits("qqcheckold") == 0);
        assertThat(indexing.check().outcome()).isEqualTo(SearchIndexing.Check.Outcome.IN_STEP);
    }

    @Test
    void theCheckNoticesAStatusChangeEvenWithoutANewUpdateTime() {
        long id = editing.savePublished(draft("状态 qqstatus", "正文。")).articleId();
        await().atMost(Duration.ofSeconds(1)).until(() -> hits("qqstatus") == 1);
        settled();
        jdbc.sql("UPDATE article SET status = 'draft' WHERE id = ?").param(id).update();
        SearchIndexing.Check check = indexing.check();
        assertThat(check.outcome()).isEqualTo(SearchIndexing.Check.Outcome.REPAIRING);
        assertThat(check.queued()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(1)).until(() -> "draft".equals(index.versions().get(id).status()));
        assertThat(hits("qqstatus")).isZero();
        assertThat(index.search(SearchQuery.of("qqstatus").visibleAs(Visibility.status("draft"))).total()).isEqualTo(1);
        assertThat(indexing.check().outcome()).isEqualTo(SearchIndexing.Check.Outcome.IN_STEP);
    }

    @Test
    void aLargerDifferenceRebuildsTheWholeIndex() {
        for (int i = 0; i < 4; i++) {
            editing.savePublished(draft("批量 qqbulk" + i, "正文。"));
        }
        settled();
        long before = index.checksum().count();
        assertThat(before).isGreaterThanOrEqualTo(4);
        jdbc.sql("UPDATE article SET updated_at = updated_at + 1 WHERE status = 'published'").update();
        SearchIndexing.Check check = indexing.check();
        assertThat(check.outcome()).as("more than repair-limit=3 differ").isEqualTo(SearchIndexing.Check.Outcome.REBUILT);
        assertThat(index.checksum().count()).isEqualTo(before);
        assertThat(indexing.check().outcome()).isEqualTo(SearchIndexing.Check.Outcome.IN_STEP);
        assertThat(hits("qqbulk3")).isEqualTo(1);
    }
}
