package org.masthead.ingest;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.masthead.ingest.feed.FeedItem;
import org.masthead.ingest.feed.FeedParseException;
import org.masthead.ingest.feed.FeedParsing;
import org.masthead.ingest.feed.ParsedFeed;
import org.masthead.ingest.fetch.FetchException;
import org.masthead.ingest.fetch.Fetched;
import org.masthead.ingest.fetch.WebFetcher;
import org.masthead.source.FeedSchedule;
import org.masthead.source.Source;
import org.masthead.source.SourceFeed;
import org.masthead.source.SourceFeeds;
import org.masthead.source.Sources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Polls source feeds: on this node's tick, each due feed is claimed (one node at a time, see
 * {@link FeedSchedule}), fetched conditionally, parsed and its items collected. A feed that fails
 * (network, HTTP error, unreadable document) records the reason and backs off; it never stops the
 * other feeds of the tick, and no item can stop the other items of its feed. Every poll writes its
 * lines to the ingest event log ({@link IngestEvents}).
 */
@Service
public class FeedPolling {

    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";
    private static final Logger log = LoggerFactory.getLogger(FeedPolling.class);

    private final FeedSchedule schedule;
    private final SourceFeeds feeds;
    private final Sources sources;
    private final ArticleCollecting collecting;
    private final IngestSettings settings;
    private final WebFetcher fetcher;
    private final FeedParsing parsing;
    private final String nodeId;
    private final IngestEvents events;
    private final Clock clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    FeedPolling(FeedSchedule schedule, SourceFeeds feeds, Sources sources, ArticleCollecting collecting, IngestSettings settings, Clock clock,
            IngestEvents events) {
        this.events = events;
        this.clock = clock;
        this.schedule = schedule;
        this.feeds = feeds;
        this.sources = sources;
        this.collecting = collecting;
        this.settings = settings;
        this.fetcher = new WebFetcher(settings.fetchLimits());
        this.parsing = new FeedParsing(clock, ZoneId.of(settings.siteZone()));
        this.nodeId = settings.nodeId().isBlank() ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8) : settings.nodeId();
    }

    @Scheduled(fixedDelayString = "${masthead.ingest.poll-tick:30s}", initialDelayString = "${masthead.ingest.poll-tick:30s}")
    void onTick() {
        if (settings.polling()) {
            pollDue();
        }
    }

    /** Polls the feeds due now that no other node holds, up to the batch size. */
    public List<PollReport> pollDue() {
        List<PollReport> reports = new ArrayList<>();
        for (long feedId : schedule.due(settings.batch())) {
            schedule.claim(feedId, nodeId, settings.lease(), false).ifPresent(feed -> reports.add(poll(feed)));
        }
        return reports;
    }

    /** Polls one feed now, due or not, unless another node is polling it at this moment. */
    public PollReport pollNow(long feedId) {
        Optional<SourceFeed> feed = feeds.byId(feedId);
        if (feed.isEmpty()) {
            throw new IllegalArgumentException("feedId: no feed " + feedId);
        }
        return schedule.claim(feedId, nodeId, settings.lease(), true).map(this::poll).orElseGet(() -> {
            try {
                events.record(List.of(line(feed.get(), IngestEvent.BUSY, null, feed.get().url(), "polled by another node at this moment")));
            } catch (RuntimeException e) {
                log.warn("feed {}: ingest event could not be written", feedId, e);
            }
            return PollReport.busy(feedId);
        });
    }

    /**
     * Polls every feed of a source now, one after another, each only if no other node is polling it
     * at this moment, and waits for them up to {@code masthead.ingest.poll-now-timeout}. If the
     * timeout comes first, the answer holds the feeds done so far with status "running"; the rest
     * goes on in the background and writes its lines to the event log as usual.
     *
     * @throws IllegalArgumentException when the source has no feeds
     */
    public SourcePollOutcome pollSource(long sourceId) {
        List<SourceFeed> ofSource = feeds.ofSource(sourceId);
        if (ofSource.isEmpty()) {
            throw new IllegalArgumentException("source " + sourceId + " has no feeds");
        }
        List<PollReport> reports = new CopyOnWriteArrayList<>();
        Future<?> all = background.submit(() -> {
            for (SourceFeed feed : ofSource) {
                reports.add(pollNow(feed.id()));
            }
        });
        try {
            all.get(settings.pollNowTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return SourcePollOutcome.of(sourceId, true, reports);
        } catch (TimeoutException e) {
            return SourcePollOutcome.of(sourceId, false, reports);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SourcePollOutcome.of(sourceId, false, reports);
        } catch (ExecutionException e) {
            throw new IllegalStateException("polling source " + sourceId + " failed", e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private PollReport poll(SourceFeed feed) {
        List<IngestEvent> lines = new ArrayList<>();
        PollReport report = fetchAndCollect(feed, lines);
        lines.add(line(feed, report.status().equals("ok") ? IngestEvent.FETCHED : report.status(), null, feed.url(), summary(report)));
        try {
            events.record(lines);
        } catch (RuntimeException e) {
            // The log is a record of polling, not part of it: losing its lines must not fail the poll.
            log.warn("feed {}: ingest events could not be written", feed.id(), e);
        }
        return report;
    }

    private PollReport fetchAndCollect(SourceFeed feed, List<IngestEvent> lines) {
        try {
            Optional<Source> source = sources.byId(feed.sourceId());
            if (source.isEmpty()) {
                schedule.failed(feed.id(), nodeId, "the source of this feed is gone");
                return PollReport.failed(feed.id(), "the source of this feed is gone");
            }
            Fetched fetched = fetcher.fetch(URI.create(feed.url()), feed.etag(), feed.lastModified(), ACCEPT);
            if (fetched.notModified()) {
                schedule.succeeded(feed.id(), nodeId, fetched.etag(), fetched.lastModified(), null);
                return new PollReport(feed.id(), "not-modified", 0, 0, 0, 0, 0, 0, null);
            }
            ParsedFeed parsed = parsing.parse(fetched.text().text(), fetched.finalUrl());
            Map<CollectOutcome.Kind, Integer> counts = new EnumMap<>(CollectOutcome.Kind.class);
            for (FeedItem item : parsed.items()) {
                CollectOutcome outcome = collectOne(feed, source.get(), item);
                counts.merge(outcome.kind(), 1, Integer::sum);
                String kind = switch (outcome.kind()) {
                    case CREATED -> IngestEvent.NEW;
                    case FLAGGED -> IngestEvent.FLAGGED;
                    case UPDATED -> IngestEvent.REVISED;
                    case DUPLICATE -> IngestEvent.DUPLICATE;
                    case REJECTED -> IngestEvent.REJECTED;
                    case UNCHANGED -> null; // every poll sees most items again: the poll's counts say how many
                };
                if (kind != null) {
                    lines.add(line(feed, kind, outcome.articleId(), item.link(), outcome.detail()));
                }
            }
            schedule.succeeded(feed.id(), nodeId, fetched.etag(), fetched.lastModified(), parsed.title());
            return new PollReport(feed.id(), "ok", counts.getOrDefault(CollectOutcome.Kind.CREATED, 0), counts.getOrDefault(CollectOutcome.Kind.UPDATED, 0),
                    counts.getOrDefault(CollectOutcome.Kind.UNCHANGED, 0), counts.getOrDefault(CollectOutcome.Kind.DUPLICATE, 0),
                    counts.getOrDefault(CollectOutcome.Kind.REJECTED, 0), counts.getOrDefault(CollectOutcome.Kind.FLAGGED, 0), null);
        } catch (FetchException | FeedParseException e) {
            schedule.failed(feed.id(), nodeId, e.getMessage());
            log.info("feed {} ({}) failed: {}", feed.id(), feed.url(), e.getMessage());
            return PollReport.failed(feed.id(), e.getMessage());
        } catch (RuntimeException e) {
            // A bug or a database hiccup: this feed backs off, the tick goes on with the others.
            schedule.failed(feed.id(), nodeId, "internal error: " + e);
            log.warn("feed {} ({}) failed unexpectedly", feed.id(), feed.url(), e);
            return PollReport.failed(feed.id(), "internal error: " + e);
        }
    }

    private IngestEvent line(SourceFeed feed, String kind, Long articleId, String url, String detail) {
        return new IngestEvent(0, clock.instant(), feed.sourceId(), feed.id(), kind, articleId, url, detail);
    }

    /** The counts of a poll as its log line shows them, or the error. */
    private static String summary(PollReport r) {
        if (r.error() != null) {
            return r.error();
        }
        if (!r.status().equals("ok")) {
            return null;
        }
        return "new=" + r.created() + " revised=" + r.updated() + " unchanged=" + r.unchanged() + " duplicate=" + r.duplicates() + " rejected=" + r.rejected()
                + " flagged=" + r.flagged();
    }

    private CollectOutcome collectOne(SourceFeed feed, Source source, FeedItem item) {
        String body = item.contentHtml() != null && !item.contentHtml().isBlank() ? item.contentHtml() : item.summaryHtml();
        String summary = item.contentHtml() != null && !item.contentHtml().isBlank() ? item.summaryHtml() : null;
        CollectedArticle article = new CollectedArticle(source.name(), source.homepage(), feed.id(), item.guid() != null ? item.guid() : item.link(), item.link(),
                item.title(), body, summary, item.publishedAt() != null ? item.publishedAt() : item.updatedAt(), item.authors(), item.categories(), item.imageUrl());
        try {
            CollectOutcome outcome = collecting.collect(article);
            if (outcome.kind() == CollectOutcome.Kind.REJECTED) {
                log.debug("feed {} item {} rejected: {}", feed.id(), item.link(), outcome.detail());
            }
            return outcome;
        } catch (RuntimeException e) {
            log.warn("feed {} item {} could not be stored", feed.id(), item.link(), e);
            return CollectOutcome.rejected("could not be stored: " + e);
        }
    }

    /** This node's name in leases. */
    public String nodeId() {
        return nodeId;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
