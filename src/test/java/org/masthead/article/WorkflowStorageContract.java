package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.masthead.article.TestArticles.published;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.platform.JobLocks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workflow's storage, run unchanged on SQLite and on a real PostgreSQL: drafts, state changes
 * written only from the state they were read in, revisions, the audit log, and scheduled publishing
 * by two "nodes" (each with its own connection pool, lock provider and transaction manager, as two
 * processes would have) that together publish every due article exactly once.
 *
 * <p>The application's own schedule is pushed an hour out, so only the test's nodes publish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "masthead.views.flush-interval=1h", "masthead.workflow.publish-check-interval=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class WorkflowStorageContract {

    static final Actor AUTHOR = new Actor("wang", Actor.Role.AUTHOR, "203.0.113.7");
    static final Actor EDITOR = new Actor("zhao", Actor.Role.EDITOR, "2001:db8::1");

    @Autowired
    ArticleEditing editing;

    @Autowired
    ArticleWorkflow workflow;

    @Autowired
    ArticleRevisions revisions;

    @Autowired
    ArticleAudit audit;

    @Autowired
    ArticleLookup lookup;

    @Autowired
    ArticleLists lists;

    @Autowired
    WorkflowRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    JsonMapper json;

    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void startFromEmptyTables() {
        for (String table : List.of("article_tag", "article_author", "article_figure", "article_revision", "article", "article_audit", "shedlock")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(n -> n.dataSource().close());
    }

    static ArticleDraft draft(String title, String body) {
        return published(title).body(body).url(null).at((Instant) null).draft();
    }

    @Test
    void aDraftIsOwnedByItsAuthorHiddenFromReadersAndKeptAsRevisionOne() {
        long id = editing.createDraft(draft("台南市中西区道路周末养护施工", "<p>台南市政府今日发布消息。</p>"), AUTHOR);

        ArticleDetail stored = lookup.any(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(lookup.visible(id)).isEmpty();
        assertThat(lists.count(ArticleFilter.visible())).isZero();
        assertThat(jdbc.sql("SELECT created_by FROM article WHERE id = ?").param(id).query(String.class).single()).isEqualTo("wang");
        List<Revision> kept = revisions.list(id, AUTHOR);
        assertThat(kept).extracting(Revision::number, Revision::reason, Revision::createdBy).containsExactly(org.assertj.core.groups.Tuple.tuple(1, "create", "wang"));
        assertThat(kept.getFirst().content().title()).isEqualTo("台南市中西区道路周末养护施工");
        AuditEntry created = audit.ofArticle(id, 10, AUTHOR).getFirst();
        assertThat(created.action()).isEqualTo(ArticleAction.CREATE);
        assertThat(created.actor()).isEqualTo("wang");
        assertThat(created.role()).isEqualTo("author");
        assertThat(created.address()).isEqualTo("203.0.113.7");
        assertThat(created.to()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void everySaveKeepsARevisionTwoCompareAsAReadableDiffAndARestoreIsANewRevision() {
        long id = editing.createDraft(published("台南市中西区道路周末养护施工").url(null).tags("交通").channel("市政")
                .body("<p>台南市政府今日发布消息，市区道路将于周末进行养护施工。</p><p>请市民绕行。</p>").draft(), AUTHOR);
        SaveOutcome changed = editing.update(id, published("台南市中西区道路养护施工延至下周").url(null).tags("交通", "市政").channel("市政")
                .body("<p>台南市政府今日发布消息，市区道路将于下周进行养护施工。</p><p>请市民绕行。</p>").draft(), AUTHOR);
        SaveOutcome same = editing.update(id, published("台南市中西区道路养护施工延至下周").url(null).tags("交通", "市政").channel("市政")
                .body("<p>台南市政府今日发布消息，市区道路将于下周进行养护施工。</p><p>请市民绕行。</p>").draft(), AUTHOR);

        assertThat(changed.kind()).isEqualTo(SaveOutcome.Kind.UPDATED);
        assertThat(same.kind()).as("an unchanged save keeps no revision").isEqualTo(SaveOutcome.Kind.UNCHANGED);
        assertThat(revisions.list(id, AUTHOR)).extracting(Revision::number).containsExactly(2, 1);

        RevisionDiff diff = revisions.diff(id, 1, 2, AUTHOR);
        assertThat(diff.changes()).extracting(RevisionDiff.FieldChange::field).containsExactly("title", "body", "tags");
        assertThat(diff.asText()).isEqualTo("""
                title:
                台南市中西区道路[-周末-]养护施工{+延至下周+}

                body:
                台南市政府今日发布消息，市区道路将于[-周末-]{+下周+}进行养护施工。
                请市民绕行。

                tags:
                交通{+、市政+}

                """);

        SaveOutcome restored = revisions.restore(id, 1, EDITOR);

        assertThat(restored.kind()).isEqualTo(SaveOutcome.Kind.UPDATED);
        assertThat(lookup.any(id).orElseThrow().title()).isEqualTo("台南市中西区道路周末养护施工");
        assertThat(lookup.any(id).orElseThrow().tags()).extracting(t -> t.name()).containsExactly("交通");
        List<Revision> all = revisions.list(id, EDITOR);
        assertThat(all).extracting(Revision::number, Revision::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "restore:1"), org.assertj.core.groups.Tuple.tuple(2, "update"),
                org.assertj.core.groups.Tuple.tuple(1, "create"));
        assertThat(revisions.diff(id, 1, 3, EDITOR).changes()).as("revision 3 is revision 1's content").isEmpty();
        assertThat(audit.ofArticle(id, 10, EDITOR)).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ArticleAction.RESTORE, "zhao"), org.assertj.core.groups.Tuple.tuple(ArticleAction.UPDATE, "wang"),
                org.assertj.core.groups.Tuple.tuple(ArticleAction.CREATE, "wang"));
        ArticleRefused missing = catchThrowableOfType(ArticleRefused.class, () -> revisions.restore(id, 9, EDITOR));
        assertThat(ArticleTest.chinese(missing)).isEqualTo("文章 " + id + " 没有第 9 版。");
    }

    @Test
    void aDraftCannotTakeTheOriginalUrlOfAnotherArticle() {
        long imported = editing.savePublished(published("已导入的文章").url("https://example.cn/n/taken").draft()).articleId();
        ArticleDraft sameUrl = published("编辑部的稿件").url("https://example.cn/n/taken").at((Instant) null).draft();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> editing.createDraft(sameUrl, AUTHOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("originalUrl: article " + imported + " already has this original URL");
        long id = editing.createDraft(published("编辑部的稿件").url(null).at((Instant) null).draft(), AUTHOR);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> editing.update(id, sameUrl, AUTHOR)).isInstanceOf(IllegalArgumentException.class);
        assertThat(editing.update(imported, published("已导入的文章，改过").url("https://example.cn/n/taken").draft(), EDITOR).kind())
                .as("an article keeps its own URL").isEqualTo(SaveOutcome.Kind.UPDATED);
        assertThat(lookup.any(id).orElseThrow().originalUrl()).isNull();
    }

    @Test
    void anAuthorSeesAndEditsOnlyTheirOwnArticles() {
        long id = editing.createDraft(draft("王记者的稿件", "<p>正文。</p>"), AUTHOR);
        Actor other = new Actor("li", Actor.Role.AUTHOR, "198.51.100.2");

        assertThat(catchThrowableOfType(ArticleRefused.class, () -> editing.update(id, draft("改标题", "<p>正文。</p>"), other)).key())
                .isEqualTo("workflow.notOwner");
        assertThat(catchThrowableOfType(ArticleRefused.class, () -> revisions.list(id, other)).key()).isEqualTo("workflow.notOwner");
        assertThat(catchThrowableOfType(ArticleRefused.class, () -> audit.latest(10, AUTHOR)).key()).isEqualTo("audit.editorsOnly");
        assertThat(lookup.any(id).orElseThrow().title()).isEqualTo("王记者的稿件");
        assertThat(revisions.list(id, AUTHOR)).hasSize(1);
    }

    @Test
    void theWholeWayFromDraftToArchiveIsAuditedWithStatesBeforeAndAfter() {
        long id = editing.createDraft(draft("市政府发布防汛通知", "<p>防汛通知全文。</p>"), AUTHOR);

        workflow.apply(id, ArticleAction.SUBMIT, AUTHOR, null);
        Instant at = Instant.now().plus(Duration.ofDays(1));
        workflow.apply(id, ArticleAction.SCHEDULE, EDITOR, at);
        assertThat(lookup.any(id).orElseThrow().publishedAt()).isEqualTo(Instant.ofEpochMilli(at.toEpochMilli()));
        assertThat(lookup.visible(id)).as("scheduled is not public").isEmpty();
        workflow.apply(id, ArticleAction.PUBLISH, EDITOR, null);
        assertThat(lookup.visible(id)).isPresent();
        workflow.apply(id, ArticleAction.UNPUBLISH, EDITOR, null);
        assertThat(lookup.visible(id)).isEmpty();
        assertThat(lists.count(ArticleFilter.visible())).isZero();
        workflow.apply(id, ArticleAction.ARCHIVE, EDITOR, null);
        ArticleRefused refused = catchThrowableOfType(ArticleRefused.class, () -> workflow.apply(id, ArticleAction.SCHEDULE, EDITOR, at));
        assertThat(refused.key()).isEqualTo("workflow.withdrawnNeedsDraft");
        workflow.apply(id, ArticleAction.REOPEN, EDITOR, null);

        List<AuditEntry> log = audit.ofArticle(id, 50, EDITOR);
        assertThat(log).extracting(e -> e.action().code() + " " + code(e.from()) + "→" + code(e.to()) + " by " + e.actor()).containsExactly(
                "reopen archived→draft by zhao",
                "archive unpublished→archived by zhao",
                "unpublish published→unpublished by zhao",
                "publish scheduled→published by zhao",
                "schedule review→scheduled by zhao",
                "submit draft→review by wang",
                "create draft→draft by wang");
        assertThat(log.get(4).detail()).isEqualTo("at " + Instant.ofEpochMilli(at.toEpochMilli()));
        assertThat(audit.latest(3, EDITOR)).extracting(AuditEntry::action).containsExactly(ArticleAction.REOPEN, ArticleAction.ARCHIVE, ArticleAction.UNPUBLISH);
        assertThat(lookup.any(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
    }

    private static String code(ArticleStatus status) {
        return status == null ? "-" : status.code();
    }

    @Test
    void aStateIsWrittenOnlyFromTheStateItWasReadIn() {
        long id = editing.createDraft(draft("并发修改", "<p>正文。</p>"), AUTHOR);
        Article read = repository.load(id).orElseThrow();
        jdbc.sql("UPDATE article SET status = 'review' WHERE id = ?").param(id).update();

        read.submit(AUTHOR);

        assertThat(repository.writeState(read, Instant.now())).isFalse();
        assertThat(lookup.any(id).orElseThrow().status()).isEqualTo(ArticleStatus.REVIEW);
    }

    @Test
    void deletingKeepsTheAuditLinesAndDropsTheRevisions() {
        long id = editing.createDraft(draft("待删除的稿件", "<p>正文。</p>"), AUTHOR);

        workflow.delete(id, AUTHOR);

        assertThat(lookup.any(id)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_revision WHERE article_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(audit.ofArticle(id, 10, EDITOR)).extracting(AuditEntry::action).containsExactly(ArticleAction.DELETE, ArticleAction.CREATE);
        assertThat(catchThrowableOfType(ArticleRefused.class, () -> workflow.apply(id, ArticleAction.SUBMIT, AUTHOR, null)).reason())
                .isEqualTo(ArticleRefused.Reason.NOT_FOUND);
    }

    @Test
    void importsAreTheSystemPublishingAndAChangedReimportIsANewRevisionThatLeavesAWithdrawnArticleWithdrawn() {
        TestArticles article = published("台南市举办中秋晚会").url("https://example.cn/n/mid-autumn");
        long id = editing.savePublished(article.draft()).articleId();
        assertThat(editing.savePublished(article.draft()).kind()).isEqualTo(SaveOutcome.Kind.UNCHANGED);
        workflow.apply(id, ArticleAction.UNPUBLISH, EDITOR, null);

        SaveOutcome again = editing.savePublished(article.title("台南市中秋晚会改期").draft());

        assertThat(again.kind()).isEqualTo(SaveOutcome.Kind.UPDATED);
        assertThat(lookup.any(id).orElseThrow().status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(lookup.any(id).orElseThrow().title()).isEqualTo("台南市中秋晚会改期");
        assertThat(revisions.list(id, EDITOR)).extracting(Revision::number, Revision::reason, Revision::createdBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "import", "system:import"), org.assertj.core.groups.Tuple.tuple(1, "import", "system:import"));
        assertThat(audit.ofArticle(id, 10, EDITOR)).extracting(AuditEntry::action, AuditEntry::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ArticleAction.IMPORT, "system"), org.assertj.core.groups.Tuple.tuple(ArticleAction.UNPUBLISH, "editor"),
                org.assertj.core.groups.Tuple.tuple(ArticleAction.IMPORT, "system"));
    }

    // ---- scheduled publishing on several nodes

    /** One application node: its own pool, lock provider, transactions; it counts the ArticlePublished events it committed. */
    record Node(String name, HikariDataSource dataSource, ScheduledPublishing schedule, LockProvider locks, List<Long> published) {}

    Node node(String name) {
        HikariDataSource shared = (HikariDataSource) dataSource;
        HikariDataSource own = new HikariDataSource();
        own.setJdbcUrl(shared.getJdbcUrl());
        own.setUsername(shared.getUsername());
        own.setPassword(shared.getPassword());
        own.setMaximumPoolSize(4);
        own.setPoolName(name);
        WorkflowRepository repository = new WorkflowRepository(JdbcClient.create(own), json);
        List<Long> published = Collections.synchronizedList(new ArrayList<>());
        // Counted after commit, as search and the page cache take them: an event of a rolled-back change is not counted.
        ApplicationEventPublisher events = event -> {
            if (event instanceof ArticlePublished p) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        published.add(p.articleId());
                    }
                });
            }
        };
        LockProvider locks = JobLocks.lockProvider(own, name);
        ScheduledPublishing schedule = new ScheduledPublishing(new ArticleWorkflow(repository, events, Clock.systemUTC()), repository, locks,
                new DataSourceTransactionManager(own), new WorkflowSettings(Duration.ofSeconds(1), Duration.ofMinutes(5)), Clock.systemUTC());
        Node node = new Node(name, own, schedule, locks, published);
        nodes.add(node);
        return node;
    }

    /** {@code count} articles scheduled for {@code at}, through the workflow as an editor does it. */
    List<Long> scheduled(int count, Instant at) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = editing.createDraft(draft("定时发布的稿件 " + i, "<p>第 " + i + " 篇定时稿件。</p>"), EDITOR);
            workflow.apply(id, ArticleAction.SCHEDULE, EDITOR, at);
            ids.add(id);
        }
        return ids;
    }

    @Test
    void twoNodesCheckingTogetherPublishEveryScheduledArticleExactlyOnceAtItsTime() throws Exception {
        Instant at = Instant.now().plus(Duration.ofSeconds(3));
        List<Long> ids = scheduled(30, at);
        Node a = node("node-a");
        Node b = node("node-b");

        // Both nodes check every 20 ms, far more often than in production, so they collide constantly.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Future<?>> running = new ArrayList<>();
        for (Node node : List.of(a, b)) {
            running.add(threads.submit(() -> {
                while (System.nanoTime() < deadline && jdbc.sql("SELECT COUNT(*) FROM article WHERE status = 'scheduled'").query(Long.class).single() > 0) {
                    node.schedule().check();
                    Thread.sleep(20);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(40, TimeUnit.SECONDS);
        }
        threads.shutdown();
        Instant done = Instant.now();

        List<Long> announced = new ArrayList<>(a.published());
        announced.addAll(b.published());
        assertThat(announced).as("one ArticlePublished per article, from whichever node").hasSize(ids.size()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE status = 'published'").query(Long.class).single()).isEqualTo(ids.size());
        Map<Long, Long> publishLines = audit.latest(500, EDITOR).stream().filter(e -> e.action() == ArticleAction.PUBLISH)
                .collect(Collectors.groupingBy(AuditEntry::articleId, Collectors.counting()));
        assertThat(publishLines).hasSize(ids.size()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(audit.ofArticle(ids.getFirst(), 1, EDITOR).getFirst().actor()).isEqualTo("system:schedule");
        for (long id : ids) {
            ArticleDetail article = lookup.visible(id).orElseThrow();
            assertThat(article.publishedAt()).as("keeps its scheduled time").isEqualTo(Instant.ofEpochMilli(at.toEpochMilli()));
        }
        assertThat(Duration.between(at, done)).as("published soon after its time").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void evenWithoutTheLockTwoNodesRacingOnTheSameArticlesPublishEachOnce() throws Exception {
        List<Long> ids = scheduled(20, Instant.now().plus(Duration.ofMillis(1500)));
        Node a = node("node-a");
        Node b = node("node-b");
        Thread.sleep(1600);

        // Straight to the publishing loop, past ShedLock: four workers at once on the same due rows.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Integer>> counts = new ArrayList<>();
        for (Node node : List.of(a, b, a, b)) {
            counts.add(threads.submit(() -> {
                start.await();
                return node.schedule().publishDue();
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(total).isEqualTo(ids.size());
        List<Long> announced = new ArrayList<>(a.published());
        announced.addAll(b.published());
        assertThat(announced).hasSize(ids.size()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aNodeSkipsItsCheckWhileAnotherHoldsTheLock() throws Exception {
        List<Long> ids = scheduled(3, Instant.now().plus(Duration.ofMillis(800)));
        Node a = node("node-a");
        Node b = node("node-b");
        Thread.sleep(900);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> new DefaultLockingTaskExecutor(a.locks()).executeWithLock((Runnable) () -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, new LockConfiguration(ClockProvider.now(), ScheduledPublishing.LOCK, Duration.ofMinutes(1), Duration.ZERO)));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        b.schedule().check();

        assertThat(b.published()).as("node b skipped: node a holds the lock").isEmpty();
        assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = ?").param(ScheduledPublishing.LOCK).query(String.class).single()).isEqualTo("node-a");
        release.countDown();
        holder.join(10_000);

        b.schedule().check();

        assertThat(b.published()).containsExactlyInAnyOrderElementsOf(ids);
    }
}
