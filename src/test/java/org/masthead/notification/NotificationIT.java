package org.masthead.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.TestSites;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Actor;
import org.masthead.article.ArticleAction;
import org.masthead.article.ArticleEditing;
import org.masthead.article.ArticleWorkflow;
import org.masthead.article.SaveOutcome;
import org.masthead.notification.FakeSearchEngine.Received;
import org.masthead.notification.FakeSearchEngine.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published and changed articles reach IndexNow and Baidu (a fake of both on 127.0.0.1): the right
 * bodies, after the import has answered, retried with growing waits on 503, not retried on 400,
 * Baidu held back for the day when over quota. Polls every 100 ms, first retry after 1 s, three
 * attempts.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.site.base-url=https://news.example.cn",
    "masthead.notification.indexnow.enabled=true",
    "masthead.notification.indexnow.key=" + NotificationIT.KEY,
    "masthead.notification.baidu.enabled=true",
    "masthead.notification.baidu.site=https://news.example.cn",
    "masthead.notification.baidu.token=test-token",
    "masthead.notification.poll-interval=100ms",
    "masthead.notification.retry.max-attempts=3",
    "masthead.notification.retry.base-delay=1s",
    "masthead.notification.retry.max-delay=10s"})
class NotificationIT {

    static final String KEY = "5f2b6c0e-aa41-4d3e-test";
    static final String SITE = "https://news.example.cn";
    static final FakeSearchEngine engine = FakeSearchEngine.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
        registry.add("masthead.notification.indexnow.endpoint", () -> engine.url(FakeSearchEngine.INDEXNOW));
        registry.add("masthead.notification.baidu.endpoint", () -> engine.url(FakeSearchEngine.BAIDU + "?site={site}&token={token}"));
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionRepository submissions;

    @Autowired
    MovableClock clock;

    @Autowired
    ArticleEditing editing;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ArticleWorkflow workflow;

    private int articles;

    @BeforeEach
    void freshEngine() {
        engine.reset();
    }

    @AfterEach
    void nothingIsLeftQueued() {
        await().atMost(Duration.ofSeconds(20)).until(() -> queued(Target.INDEXNOW).isEmpty() && queued(Target.BAIDU).isEmpty());
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void publishedArticleGoesToIndexNowAsJsonAndToBaiduAsTextWithItsAbsoluteUrl() {
        String url = importArticle("台南市中西区道路周末养护施工", "https://origin.example.cn/road");

        Received indexnow = awaitRequest(FakeSearchEngine.INDEXNOW, url, 1).getFirst();
        assertThat(indexnow.contentType).isEqualTo("application/json; charset=utf-8");
        JsonNode body = json.readTree(indexnow.body);
        assertThat(body.get("host").asString()).isEqualTo("news.example.cn");
        assertThat(body.get("key").asString()).isEqualTo(KEY);
        assertThat(body.get("keyLocation").asString()).isEqualTo(SITE + "/" + KEY + ".txt");
        assertThat(body.get("urlList").valueStream().map(JsonNode::asString)).containsExactly(url);

        Received baidu = awaitRequest(FakeSearchEngine.BAIDU, url, 1).getFirst();
        assertThat(baidu.contentType).isEqualTo("text/plain; charset=utf-8");
        assertThat(baidu.body).isEqualTo(url);
        assertThat(baidu.rawQuery).isEqualTo("site=https%3A%2F%2Fnews.example.cn&token=test-token");
    }

    @Test
    void changedArticleIsSubmittedAgain() {
        String url = importArticle("台南市中西区道路周末养护施工", "https://origin.example.cn/change");
        awaitRequest(FakeSearchEngine.INDEXNOW, url, 1);
        awaitRequest(FakeSearchEngine.BAIDU, url, 1);

        String again = importArticle("台南市中西区道路养护施工延至下周", "https://origin.example.cn/change");

        assertThat(again).isEqualTo(url);
        awaitRequest(FakeSearchEngine.INDEXNOW, url, 2);
        awaitRequest(FakeSearchEngine.BAIDU, url, 2);
    }

    @Test
    void importAnswersWhileTheEngineHasNotAndWhatIsPublishedMeanwhileGoesOutInOneRequest() {
        CountDownLatch engineMayAnswer = new CountDownLatch(1);
        engine.answer(FakeSearchEngine.INDEXNOW, Reply.heldUntil(engineMayAnswer));
        try {
            String first = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> importArticle("第一篇", "https://origin.example.cn/slow-1"));
            Received held = awaitRequest(FakeSearchEngine.INDEXNOW, first, 1).getFirst();
            assertThat(held.answeredAt).as("IndexNow has not answered yet").isZero();
            awaitRequest(FakeSearchEngine.BAIDU, first, 1);

            String second = importArticle("第二篇", "https://origin.example.cn/slow-2");
            String third = importArticle("第三篇", "https://origin.example.cn/slow-3");
            assertThat(held.answeredAt).as("IndexNow still has not answered").isZero();
            engineMayAnswer.countDown();

            Received batch = awaitRequest(FakeSearchEngine.INDEXNOW, second, 1).getFirst();
            assertThat(json.readTree(batch.body).get("urlList").valueStream().map(JsonNode::asString)).containsExactly(second, third);
            assertThat(engine.requests(FakeSearchEngine.INDEXNOW)).hasSize(2);
        } finally {
            engineMayAnswer.countDown();
        }
    }

    @Test
    void serviceUnavailableIsRetriedWithGrowingWaitsUntilDelivered() {
        engine.answer(FakeSearchEngine.INDEXNOW, Reply.status(503), Reply.status(503));

        String url = importArticle("重试", "https://origin.example.cn/retry");

        List<Received> tries = awaitRequest(FakeSearchEngine.INDEXNOW, url, 3);
        Duration firstWait = Duration.ofNanos(tries.get(1).receivedAt - tries.get(0).receivedAt);
        Duration secondWait = Duration.ofNanos(tries.get(2).receivedAt - tries.get(1).receivedAt);
        assertThat(firstWait).as("base delay").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(secondWait).as("twice the base delay").isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isGreaterThan(firstWait);
        await().atMost(Duration.ofSeconds(5)).until(() -> queued(Target.INDEXNOW).isEmpty());
        assertThat(engine.requestsNaming(FakeSearchEngine.INDEXNOW, url)).hasSize(3);
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysSo(CapturedOutput output) {
        engine.answer(FakeSearchEngine.INDEXNOW, Reply.status(503), Reply.status(503), Reply.status(503));

        String url = importArticle("三次都失败", "https://origin.example.cn/give-up");

        awaitRequest(FakeSearchEngine.INDEXNOW, url, 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> queued(Target.INDEXNOW).isEmpty());
        assertThat(engine.requestsNaming(FakeSearchEngine.INDEXNOW, url)).hasSize(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("INDEXNOW: gave up after 3 attempts (HTTP 503); dropped 1 URL(s): " + url));
    }

    @Test
    void badRequestIsNotRetried(CapturedOutput output) {
        engine.answer(FakeSearchEngine.INDEXNOW, Reply.status(400, "{\"message\":\"bad request\"}"));

        String url = importArticle("不再重试", "https://origin.example.cn/bad");

        awaitRequest(FakeSearchEngine.INDEXNOW, url, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> queued(Target.INDEXNOW).isEmpty());
        // Longer than the first retry would have waited (1 s to 1.25 s).
        await().during(Duration.ofMillis(1600)).atMost(Duration.ofSeconds(4))
                .until(() -> engine.requestsNaming(FakeSearchEngine.INDEXNOW, url).size() == 1);
        assertThat(output.getOut()).contains("INDEXNOW: refused for good (HTTP 400: {\"message\":\"bad request\"}); dropped 1 URL(s): " + url);
    }

    @Test
    void baiduOverQuotaHoldsBaiduBackUntilTheNextDayAndLosesNothing() {
        engine.answer(FakeSearchEngine.BAIDU, Reply.status(400, "{\"error\":400,\"message\":\"over quota\"}"));
        String first = importArticle("配额用完之前", "https://origin.example.cn/quota-1");
        awaitRequest(FakeSearchEngine.BAIDU, first, 1);

        String second = importArticle("配额用完之后", "https://origin.example.cn/quota-2");

        awaitRequest(FakeSearchEngine.INDEXNOW, second, 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> engine.requests(FakeSearchEngine.BAIDU).size() == 1);
        assertThat(queued(Target.BAIDU)).extracting(SubmissionRepository.Pending::url).containsExactly(first, second);
        assertThat(queued(Target.BAIDU)).extracting(SubmissionRepository.Pending::attempts).as("a quota is no failure").containsOnly(0);

        clock.moveTo(BaiduQuota.nextDay(clock.instant()).plusSeconds(60));

        Received nextDay = awaitRequest(FakeSearchEngine.BAIDU, second, 1).getFirst();
        assertThat(nextDay.body.lines()).containsExactly(first, second);
    }

    @Test
    void rolledBackSaveNotifiesNoOne() {
        SaveOutcome outcome = transaction.execute(status -> {
            SaveOutcome saved = editing.savePublished(new ArticleDraft(
                    "撤回的稿件", null, "<p>撤回的稿件。</p>", null, Instant.parse("2024-05-20T01:00:00Z"), "https://origin.example.cn/rolled-back",
                    null, null, List.of(), null, List.of(), null, List.of()));
            status.setRollbackOnly();
            return saved;
        });

        assertThat(queued(Target.INDEXNOW)).isEmpty();
        assertThat(queued(Target.BAIDU)).isEmpty();
        String url = SITE + "/articles/" + outcome.articleId();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> engine.requestsNaming(FakeSearchEngine.INDEXNOW, url).isEmpty() && engine.requestsNaming(FakeSearchEngine.BAIDU, url).isEmpty());
    }

    @Test
    void withdrawnArticleGoesToIndexNowAgainButNotToBaidu() {
        String url = importArticle("台南市中西区道路周末养护施工", "https://origin.example.cn/withdrawn");
        awaitRequest(FakeSearchEngine.INDEXNOW, url, 1);
        awaitRequest(FakeSearchEngine.BAIDU, url, 1);
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));

        workflow.apply(id, ArticleAction.UNPUBLISH, new Actor("editor1", Actor.Role.EDITOR, "127.0.0.1"), null);

        awaitRequest(FakeSearchEngine.INDEXNOW, url, 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> engine.requestsNaming(FakeSearchEngine.BAIDU, url).size() == 1);
    }

    @Test
    void draftsAndScheduledArticlesNotifyNoOneUntilPublished() {
        Actor editor = new Actor("editor1", Actor.Role.EDITOR, "127.0.0.1");
        long id = editing.createDraft(new ArticleDraft("定时稿件", null, "<p>定时稿件的正文。</p>", null, null, null, null, null, List.of(), null,
                List.of(), null, List.of()), editor);
        workflow.apply(id, ArticleAction.SCHEDULE, editor, clock.instant().plus(Duration.ofHours(1)));
        assertThat(queued(Target.INDEXNOW)).isEmpty();
        assertThat(queued(Target.BAIDU)).isEmpty();

        workflow.apply(id, ArticleAction.PUBLISH, editor, null);

        String url = SITE + "/articles/" + id;
        awaitRequest(FakeSearchEngine.INDEXNOW, url, 1);
        awaitRequest(FakeSearchEngine.BAIDU, url, 1);
    }

    @Test
    void submissionLeftQueuedByAnEarlierRunIsSent() {
        String url = SITE + "/articles/424242";
        long earlier = Instant.now().minus(Duration.ofHours(3)).toEpochMilli();
        jdbc.sql("INSERT INTO notification_submission (target, url, attempts, next_attempt_at, created_at, last_error) VALUES (?, ?, 2, ?, ?, ?)")
                .params("INDEXNOW", url, earlier, earlier, "network: java.net.ConnectException")
                .update();

        awaitRequest(FakeSearchEngine.INDEXNOW, url, 1);
    }

    @Test
    void keyFileIsServedAtTheKeysPathOnly() {
        HttpResponse<String> keyFile = TestSites.get(port, "/" + KEY + ".txt");
        assertThat(keyFile.statusCode()).isEqualTo(200);
        assertThat(keyFile.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).isEqualToIgnoringCase("text/plain;charset=UTF-8"));
        assertThat(keyFile.body()).isEqualTo(KEY);

        assertThat(TestSites.get(port, "/0000aaaa-not-the-key.txt").statusCode()).isEqualTo(404);
    }

    private String importArticle(String title, String originalUrl) {
        String line = "{\"title\":\"" + title + "\",\"body\":\"<p>" + title + "的正文。</p>\",\"publishedAt\":\"2024-05-20T09:0" + (articles++ % 10)
                + ":00+08:00\",\"originalUrl\":\"" + originalUrl + "\",\"source\":\"台南市政府\",\"channel\":\"市政\"}";
        HttpResponse<String> response = TestSites.importAsAdmin(port, line);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).get("results").get(0);
        assertThat(result.get("status").asString()).as(result.toString()).isIn("created", "updated");
        return SITE + "/articles/" + result.get("id").asLong();
    }

    private List<Received> awaitRequest(String path, String url, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> engine.requestsNaming(path, url).size() >= count);
        return engine.requestsNaming(path, url);
    }

    private List<SubmissionRepository.Pending> queued(Target target) {
        return submissions.queued(target);
    }
}
