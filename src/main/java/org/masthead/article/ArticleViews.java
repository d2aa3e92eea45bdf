package org.masthead.article;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts page views in memory and writes them in batches, so serving a page never waits for a
 * database write (SQLite has one writer).
 */
@Service
public class ArticleViews {

    private final ArticleRepository articles;
    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();

    ArticleViews(ArticleRepository articles) {
        this.articles = articles;
    }

    public void record(long articleId) {
        pending.computeIfAbsent(articleId, id -> new LongAdder()).increment();
    }

    /** Writes the counted views; also runs at shutdown so a clean stop loses none. */
    @Scheduled(fixedDelayString = "${masthead.views.flush-interval:10s}")
    @jakarta.annotation.PreDestroy
    public void flush() {
        for (Long id : pending.keySet()) {
            LongAdder adder = pending.remove(id);
            if (adder != null && adder.sum() > 0) {
                articles.addViews(id, adder.sum());
            }
        }
    }
}
