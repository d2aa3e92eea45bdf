package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The held lists are read once, read again after a drop, and never kept from a read that a drop overtook. */
class FrontListsTest {

    /** A repository whose newest list is "v" + the number of reads so far; {@code during} runs inside each read. */
    static final class CountingRepository extends ArticleRepository {
        final AtomicInteger reads = new AtomicInteger();
        Runnable during = () -> {};

        CountingRepository() {
            super(null, null);
        }

        @Override
        List<ArticleCard> newestCards(ArticleFilter filter, int limit, Instant now) {
            int n = reads.incrementAndGet();
            during.run();
            return List.of(cardOf(n, "v" + n));
        }

        @Override
        List<ArticleCard> mostRead(int limit, int amongNewest, Instant now) {
            return List.of();
        }
    }

    final CountingRepository repository = new CountingRepository();
    final FrontLists front = new FrontLists(repository, Clock.systemUTC());

    @Test
    void readsOnceAndHoldsUntilDropped() {
        assertThat(titles()).containsExactly("v1");
        assertThat(titles()).containsExactly("v1");
        assertThat(repository.reads).hasValue(1);
        front.drop();
        assertThat(titles()).containsExactly("v2");
        assertThat(titles()).containsExactly("v2");
        assertThat(repository.reads).hasValue(2);
    }

    @Test
    void refreshReadsAtOnceAndHoldsWhatItRead() {
        assertThat(titles()).containsExactly("v1");
        assertThat(front.refresh().newest()).extracting(ArticleCard::title).containsExactly("v2");
        assertThat(titles()).containsExactly("v2");
        assertThat(repository.reads).hasValue(2);
    }

    @Test
    void aReadOvertakenByADropServesItsCallerButIsNotHeld() {
        // An edit commits and drops the lists while a reader is reading them: what it read may be from
        // before the edit, so the next reader must read again rather than get it.
        repository.during = () -> {
            repository.during = () -> {};
            front.drop();
        };
        assertThat(titles()).containsExactly("v1");
        assertThat(titles()).containsExactly("v2");
        assertThat(titles()).containsExactly("v2");
        assertThat(repository.reads).hasValue(2);
    }

    @Test
    void theTimerSkipsListsReadWithinHalfItsInterval() {
        // The page cache's watch refreshes on the same 2 s beat; the timer must not read a second time.
        Instant[] now = {Instant.parse("2026-11-29T00:00:00Z")};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        FrontLists timed = new FrontLists(repository, clock, Duration.ofSeconds(2));
        timed.refreshQuietly();
        assertThat(repository.reads).as("nothing held yet: read").hasValue(1);
        now[0] = now[0].plusMillis(900);
        timed.refreshQuietly();
        assertThat(repository.reads).as("read 0.9 s ago: skipped").hasValue(1);
        now[0] = now[0].plusMillis(200);
        timed.refreshQuietly();
        assertThat(repository.reads).as("read 1.1 s ago: read again").hasValue(2);
        timed.drop();
        timed.refreshQuietly();
        assertThat(repository.reads).as("dropped: read again").hasValue(3);
    }

    @Test
    void listsAreCutToTheLimitAsked() {
        assertThat(front.newest(1)).hasSize(1);
        assertThat(front.mostRead(FrontLists.MOST_READ)).isEmpty();
    }

    private List<String> titles() {
        return front.newest(FrontLists.NEWEST).stream().map(ArticleCard::title).toList();
    }

    private static ArticleCard cardOf(long id, String title) {
        return new ArticleCard(id, title, "", Instant.EPOCH, Instant.EPOCH, null, null, null, null, null, null);
    }
}
