package org.masthead.ads;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.masthead.setting.SiteSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts impressions and clicks in memory and writes them in batches (every
 * {@code masthead.ads.flush-interval}, and at shutdown): serving an ad never waits for the database,
 * which on SQLite has one writer. A failed write keeps the counts for the next one.
 */
@Component
class AdCounts {

    private static final Logger log = LoggerFactory.getLogger(AdCounts.class);

    /** Per creative and day: [0] impressions, [1] clicks. */
    private final Map<AdRepository.CountKey, LongAdder[]> pending = new ConcurrentHashMap<>();
    private final AdRepository repository;
    private final TransactionTemplate transactions;
    private final SiteSettingsStore settings;
    private final Clock clock;

    AdCounts(AdRepository repository, TransactionTemplate transactions, SiteSettingsStore settings, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    void impression(long creativeId) {
        counters(creativeId)[0].increment();
    }

    void click(long creativeId) {
        counters(creativeId)[1].increment();
    }

    private LongAdder[] counters(long creativeId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.current().timeZone());
        return pending.computeIfAbsent(new AdRepository.CountKey(creativeId, today), k -> new LongAdder[] {new LongAdder(), new LongAdder()});
    }

    /** Writes what was counted since the last flush in one transaction; returns how many rows it touched. */
    @Scheduled(fixedDelayString = "${masthead.ads.flush-interval:10s}", initialDelayString = "${masthead.ads.flush-interval:10s}")
    @PreDestroy
    synchronized int flush() {
        Map<AdRepository.CountKey, long[]> batch = new HashMap<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.current().timeZone());
        for (Map.Entry<AdRepository.CountKey, LongAdder[]> entry : pending.entrySet()) {
            // sumThenReset takes each cell with one atomic swap: an increment racing it is either in this
            // sum or left for the next flush, never lost. Keys stay (no increment can miss a removed key),
            // except those of past days, which nothing counts into any more.
            LongAdder[] adders = entry.getValue();
            long[] sums = {adders[0].sumThenReset(), adders[1].sumThenReset()};
            if (sums[0] > 0 || sums[1] > 0) {
                batch.put(entry.getKey(), sums);
            }
            if (entry.getKey().day().isBefore(today.minusDays(1))) {
                pending.remove(entry.getKey());
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            transactions.executeWithoutResult(status -> repository.addCounts(batch));
            return batch.size();
        } catch (RuntimeException e) {
            log.warn("ad counts not written ({} rows), kept for the next flush: {}", batch.size(), e.toString());
            batch.forEach((key, sums) -> {
                LongAdder[] adders = pending.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
                adders[0].add(sums[0]);
                adders[1].add(sums[1]);
            });
            return 0;
        }
    }
}
