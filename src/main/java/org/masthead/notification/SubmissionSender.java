package org.masthead.notification;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.masthead.setting.SiteSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued URLs to the search engines. Every {@code masthead.notification.poll-interval} it
 * starts, per enabled engine that is not already busy, a virtual thread that sends the engine's due
 * URLs in one request and records the outcome: delivered and refused rows are deleted, failed ones
 * move their {@code next_attempt_at} out by {@link Backoff} (so the table is both the queue and the
 * retry timer, and a restart loses nothing), and a URL is dropped after
 * {@code retry.max-attempts} failures. Dropping is always logged.
 *
 * <p>The scheduled method itself only hands off: Spring runs every fixed-delay task on one shared
 * scheduler thread, which a slow engine must not hold. One node only; see package-info.
 */
@Component
class SubmissionSender {

    private static final Logger log = LoggerFactory.getLogger(SubmissionSender.class);
    /** URLs named in one log line before "…". */
    private static final int URLS_LOGGED = 10;

    private final SubmissionRepository submissions;
    private final List<Submitter> submitters;
    private final SiteSettingsStore site;
    private final TransactionTemplate transaction;
    private final Backoff backoff;
    private final int maxAttempts;
    private final boolean anyEnabled;
    private final Clock clock;
    private final Map<Target, AtomicBoolean> busy = new EnumMap<>(Target.class);
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("notify-", 1).factory());

    SubmissionSender(
            SubmissionRepository submissions,
            List<Submitter> submitters,
            SiteSettingsStore site,
            TransactionTemplate transaction,
            NotificationSettings settings,
            Clock clock) {
        this.submissions = submissions;
        this.submitters = submitters;
        this.site = site;
        this.transaction = transaction;
        this.backoff = new Backoff(settings.retry().baseDelay(), settings.retry().maxDelay());
        this.maxAttempts = settings.retry().maxAttempts();
        this.anyEnabled = settings.anyEnabled();
        this.clock = clock;
        for (Target target : Target.values()) {
            busy.put(target, new AtomicBoolean());
        }
    }

    @Scheduled(
            initialDelayString = "${masthead.notification.poll-interval:5s}",
            fixedDelayString = "${masthead.notification.poll-interval:5s}")
    void poll() {
        if (!anyEnabled) {
            return;
        }
        for (Submitter submitter : submitters) {
            AtomicBoolean running = busy.get(submitter.target());
            if (submitter.enabled() && running.compareAndSet(false, true)) {
                try {
                    workers.execute(() -> {
                        try {
                            while (sendDue(submitter)) {
                                // a full batch went out: there may be more due right now
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            log.error("{}: sending queued URLs failed; they stay queued", submitter.target(), e);
                        } finally {
                            running.set(false);
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    running.set(false);
                }
            }
        }
    }

    /**
     * Sends one request with the due URLs of one engine and records the outcome.
     *
     * @return whether the request carried as many URLs as allowed and was delivered, so more may be due
     */
    boolean sendDue(Submitter submitter) throws InterruptedException {
        Target target = submitter.target();
        Instant now = clock.instant();
        int capacity = submitter.capacity(now);
        if (capacity <= 0) {
            return false;
        }
        List<SubmissionRepository.Pending> due = submissions.due(target, now, capacity);
        if (due.isEmpty()) {
            return false;
        }
        String baseUrl = site.current().baseUrl();
        List<SubmissionRepository.Pending> ours = new ArrayList<>();
        List<SubmissionRepository.Pending> elsewhere = new ArrayList<>();
        for (SubmissionRepository.Pending pending : due) {
            (pending.url().startsWith(baseUrl + "/") ? ours : elsewhere).add(pending);
        }
        if (!elsewhere.isEmpty()) {
            // Queued before the site address changed: the engines would refuse them for the new host.
            submissions.delete(ids(elsewhere));
            log.warn("{}: dropped {} URL(s) that are not under the site address {}: {}", target, elsewhere.size(), baseUrl, urls(elsewhere));
        }
        if (ours.isEmpty()) {
            return false;
        }
        List<String> urls = ours.stream().map(SubmissionRepository.Pending::url).distinct().toList();
        Outcome outcome = submitter.submit(urls, baseUrl, now);
        switch (outcome) {
            case Outcome.Delivered delivered -> {
                submissions.delete(ids(ours));
                log.info("{}: submitted {} URL(s){}", target, urls.size(), delivered.note());
                return due.size() >= capacity;
            }
            case Outcome.Rejected rejected -> {
                submissions.delete(ids(ours));
                log.error("{}: refused for good ({}); dropped {} URL(s): {}", target, rejected.reason(), urls.size(), urls(ours));
            }
            case Outcome.Deferred deferred -> log.warn("{}: {}; {} URL(s) stay queued", target, deferred.reason(), urls.size());
            case Outcome.Retry retry -> retryLater(target, ours, retry);
        }
        return false;
    }

    private void retryLater(Target target, List<SubmissionRepository.Pending> failed, Outcome.Retry retry) {
        Instant now = clock.instant();
        List<SubmissionRepository.Pending> again = failed.stream().filter(p -> p.attempts() + 1 < maxAttempts).toList();
        List<SubmissionRepository.Pending> givenUp = failed.stream().filter(p -> p.attempts() + 1 >= maxAttempts).toList();
        transaction.executeWithoutResult(status -> {
            for (SubmissionRepository.Pending pending : again) {
                int failures = pending.attempts() + 1;
                Duration wait = backoff.after(failures, ThreadLocalRandom.current().nextDouble(), retry.retryAfter());
                submissions.retryAt(pending.id(), failures, now.plus(wait), retry.reason());
            }
            submissions.delete(ids(givenUp));
        });
        if (!again.isEmpty()) {
            int fewestFailures = again.stream().mapToInt(SubmissionRepository.Pending::attempts).min().orElse(0) + 1;
            log.warn("{}: {}; {} URL(s) will be tried again, the first in about {}",
                    target, retry.reason(), again.size(), backoff.after(fewestFailures, 0, retry.retryAfter()));
        }
        if (!givenUp.isEmpty()) {
            log.error("{}: gave up after {} attempts ({}); dropped {} URL(s): {}", target, maxAttempts, retry.reason(), givenUp.size(), urls(givenUp));
        }
    }

    private static List<Long> ids(List<SubmissionRepository.Pending> pending) {
        return pending.stream().map(SubmissionRepository.Pending::id).toList();
    }

    private static String urls(List<SubmissionRepository.Pending> pending) {
        List<String> urls = pending.stream().map(SubmissionRepository.Pending::url).distinct().toList();
        return urls.size() <= URLS_LOGGED
                ? String.join(" ", urls)
                : String.join(" ", urls.subList(0, URLS_LOGGED)) + " … (" + (urls.size() - URLS_LOGGED) + " more)";
    }

    /** Stops sending; a request under way is abandoned and its URLs stay queued for the next start. */
    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdownNow();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("notification senders did not stop within 10 s");
        }
    }
}
