package org.masthead.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Out of the box nothing is sent anywhere, even with endpoints and a key configured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.notification.indexnow.key=" + NotificationOffIT.KEY,
    "masthead.notification.poll-interval=100ms"})
class NotificationOffIT {

    static final String KEY = "5f2b6c0e-aa41-4d3e-off";
    static final FakeSearchEngine engine = FakeSearchEngine.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
        registry.add("masthead.notification.indexnow.endpoint", () -> engine.url(FakeSearchEngine.INDEXNOW));
        registry.add("masthead.notification.baidu.endpoint", () -> engine.url(FakeSearchEngine.BAIDU + "?site={site}&token={token}"));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void publishingQueuesAndSendsNothingAndServesNoKeyFile() {
        HttpResponse<String> response = TestSites.importAsAdmin(port, "{\"title\":\"默认不通知\",\"body\":\"<p>正文。</p>\","
                + "\"publishedAt\":\"2024-05-20T09:00:00+08:00\",\"originalUrl\":\"https://origin.example.cn/off\"}");
        assertThat(response.body()).contains("\"created\"");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_submission").query(Long.class).single()).isZero();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> engine.requests(FakeSearchEngine.INDEXNOW).isEmpty() && engine.requests(FakeSearchEngine.BAIDU).isEmpty());
        assertThat(TestSites.get(port, "/" + KEY + ".txt").statusCode()).isEqualTo(404);
    }
}
