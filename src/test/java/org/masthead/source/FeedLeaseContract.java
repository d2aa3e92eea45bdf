package org.masthead.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two pollers ("nodes") sharing one database, on every database Masthead supports: a feed is
 * polled by one node at a time and once per due period, however the nodes race. No Spring context.
 */
abstract class FeedLeaseContract {

    JdbcClient jdbc;
    SourceFeeds feeds;
    FeedSchedule schedule;
    long sourceId;

    abstract DataSource dataSource();

    abstract String migrationFolder();

    @BeforeEach
    void migrateAndEmpty() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + migrationFolder()).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DELETE FROM ingest_item").update();
        jdbc.sql("DELETE FROM source_feed").update();
        jdbc.sql("DELETE FROM source WHERE name = '测试来源'").update();
        jdbc.sql("INSERT INTO source (name, homepage) VALUES ('测试来源', NULL)").update();
        sourceId = jdbc.sql("SELECT id FROM source WHERE name = '测试来源'").query(Long.class).single();
        feeds = new SourceFeeds(jdbc, Clock.systemUTC());
        schedule = new FeedSchedule(jdbc, Clock.systemUTC());
    }

    @Test
    void sourcesAreAddedRefusedChangedRetiredAndBroughtBackOnEveryDatabase() {
        jdbc.sql("DELETE FROM source WHERE name LIKE '目录%'").update();
        SourceDirectory directory = new SourceDirectory(jdbc, feeds, Clock.systemUTC());
        SourceProfile created = directory.create(new SourceDirectory.Fields(" 目录 来源 ", "https://d.example.cn/", "https://d.example.cn/logo.png"),
                "https://d.example.cn/rss.xml", Duration.ofMinutes(10));
        assertThat(created.name()).isEqualTo("目录 来源");
        assertThat(created.logoUrl()).isEqualTo("https://d.example.cn/logo.png");
        assertThat(feeds.ofSource(created.id())).extracting(SourceFeed::url).containsExactly("https://d.example.cn/rss.xml");
        SourceRefused duplicate = org.assertj.core.api.Assertions.catchThrowableOfType(SourceRefused.class,
                () -> directory.create(new SourceDirectory.Fields("目录 来源", null, null), null, null));
        assertThat(duplicate.key()).isEqualTo("source.error.duplicateName");
        assertThat(duplicate.reason()).isEqualTo(SourceRefused.Reason.CONFLICT);

        SourceProfile renamed = directory.update(created.id(), new SourceDirectory.Fields("目录来源二", null, null), "https://d.example.cn/more.xml", null);
        assertThat(renamed.homepage()).isNull();
        assertThat(feeds.ofSource(created.id())).hasSize(2);

        SourceDirectory.Retired retired = directory.retire(created.id());
        assertThat(retired.feedsRemoved()).isEqualTo(2);
        assertThat(directory.byId(created.id())).isEmpty();
        assertThat(directory.list()).extracting(SourceProfile::id).doesNotContain(created.id());
        assertThat(directory.create(new SourceDirectory.Fields("目录来源二", null, null), null, null).id()).isEqualTo(created.id());

        // The event log table of the same migration, read the way IngestEvents pages it.
        jdbc.sql("INSERT INTO ingest_event (at, source_id, feed_id, kind, article_id, item_url, detail) VALUES (?, ?, NULL, 'flagged', NULL, ?, ?)")
                .params(System.currentTimeMillis(), created.id(), "https://d.example.cn/a.html", "quality.reason.hospital-ad").update();
        assertThat(jdbc.sql("SELECT kind FROM ingest_event WHERE source_id = ? ORDER BY id DESC LIMIT ? OFFSET ?").params(created.id(), 10, 0L)
                .query(String.class).list()).containsExactly("flagged");
        jdbc.sql("DELETE FROM ingest_event WHERE source_id = ?").param(created.id()).update();
    }

    @Test
    void onlyOneOfManyRacingClaimsWins() throws Exception {
        SourceFeed feed = feeds.add(sourceId, "https://news.example.cn/race.xml", Duration.ofMinutes(5));
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> wins = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String node = "node-" + i;
                wins.add(pool.submit(() -> {
                    start.await();
                    return schedule.claim(feed.id(), node, Duration.ofMinutes(1), false).isPresent();
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> w : wins) {
                won += w.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoPollingNodesPollEachDueFeedOnceAndNeverTogether() throws Exception {
        int feedCount = 12;
        for (int i = 0; i < feedCount; i++) {
            feeds.add(sourceId, "https://news.example.cn/feed/" + i + ".xml", Duration.ofHours(1));
        }
        Map<Long, AtomicInteger> polls = new ConcurrentHashMap<>();
        Map<Long, String> holder = new ConcurrentHashMap<>();
        List<String> overlaps = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                // Each node has its own FeedSchedule, as each app instance would.
                FeedSchedule own = new FeedSchedule(jdbc, Clock.systemUTC());
                running.add(nodes.submit(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        for (long id : own.due(feedCount)) {
                            if (own.claim(id, node, Duration.ofMinutes(1), false).isEmpty()) {
                                continue;
                            }
                            if (holder.putIfAbsent(id, node) != null) {
                                overlaps.add(id + " held by " + holder.get(id) + " and " + node);
                            }
                            polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                            byNode.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet();
                            Thread.sleep(5); // the fetch
                            holder.remove(id);
                            own.succeeded(id, node, "\"e\"", null, null);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(overlaps).isEmpty();
        assertThat(polls).hasSize(feedCount);
        assertThat(polls.values()).allSatisfy(n -> assertThat(n.get()).as("polls of one feed in one due period").isEqualTo(1));
        assertThat(schedule.due(100)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM source_feed WHERE lease_owner IS NOT NULL").query(Long.class).single()).isZero();
    }

    @Test
    void anExpiredLeaseFreesTheFeedForAnotherNode() throws Exception {
        SourceFeed feed = feeds.add(sourceId, "https://news.example.cn/dead-node.xml", Duration.ofMinutes(5));
        assertThat(schedule.claim(feed.id(), "dead-node", Duration.ofMillis(200), false)).isPresent();
        assertThat(schedule.claim(feed.id(), "live-node", Duration.ofMinutes(1), false)).isEmpty();

        Thread.sleep(300);

        assertThat(schedule.claim(feed.id(), "live-node", Duration.ofMinutes(1), false)).isPresent();
        // The dead node's late report must not clobber the live node's lease.
        schedule.succeeded(feed.id(), "dead-node", "\"stale\"", null, null);
        assertThat(feeds.byId(feed.id()).orElseThrow().etag()).isNull();
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCap() {
        SourceFeed feed = feeds.add(sourceId, "https://news.example.cn/failing.xml", Duration.ofMinutes(15));
        for (int i = 1; i <= 3; i++) {
            assertThat(schedule.claim(feed.id(), "n", Duration.ofMinutes(1), true)).isPresent();
            schedule.failed(feed.id(), "n", "HTTP 500");
        }
        SourceFeed failing = feeds.byId(feed.id()).orElseThrow();
        assertThat(failing.failureCount()).isEqualTo(3);
        assertThat(Duration.between(failing.lastErrorAt(), failing.nextPollAt())).isEqualTo(Duration.ofMinutes(120));
        assertThat(FeedSchedule.backoff(Duration.ofMinutes(15), 1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(FeedSchedule.backoff(Duration.ofMinutes(15), 20)).isEqualTo(FeedSchedule.MAX_BACKOFF);
        assertThat(FeedSchedule.backoff(Duration.ofDays(2), 3)).isEqualTo(Duration.ofDays(2));
    }
}
