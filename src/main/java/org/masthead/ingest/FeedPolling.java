package org.masthead.ingest;

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
 * other feeds of the tick, and no item can stop the other items of its feed.
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

    FeedPolling(FeedSchedule schedule, SourceFeeds feeds, Sources sources, ArticleCollecting collecting, IngestSettings settings, Clock clock) {
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
        if (feeds.byId(feedId).isEmpty()) {
            throw new IllegalArgumentException("feedId: no feed " + feedId);
        }
        return schedule.claim(feedId, nodeId, settings.lease(), true).map(this::poll).orElseGet(() -> PollReport.busy(feedId));
    }

    private PollReport poll(SourceFeed feed) {
        try {
            Optional<Source> source = sources.byId(feed.sourceId());
            if (source.isEmpty()) {
                schedule.failed(feed.id(), nodeId, "the source of this feed is gone");
                return PollReport.failed(feed.id(), "the source of this feed is gone");
            }
            Fetched fetched = fetcher.fetch(URI.create(feed.url()), feed.etag(), feed.lastModified(), ACCEPT);
            if (fetched.notModified()) {
                schedule.succeeded(feed.id(), nodeId, fetched.etag(), fetched.lastModified(), null);
                return new PollReport(feed.id(), "not-modified", 0, 0, 0, 0, 0, null);
            }
            ParsedFeed parsed = parsing.parse(fetched.text().text(), fetched.finalUrl());
            Map<CollectOutcome.Kind, Integer> counts = new EnumMap<>(CollectOutcome.Kind.class);
            for (FeedItem item : parsed.items()) {
                counts.merge(collectOne(feed, source.get(), item), 1, Integer::sum);
            }
            schedule.succeeded(feed.id(), nodeId, fetched.etag(), fetched.lastModified(), parsed.title());
            return new PollReport(feed.id(), "ok", counts.getOrDefault(CollectOutcome.Kind.CREATED, 0), counts.getOrDefault(CollectOutcome.Kind.UPDATED, 0),
                    counts.getOrDefault(CollectOutcome.Kind.UNCHANGED, 0), counts.getOrDefault(CollectOutcome.Kind.DUPLICATE, 0),
                    counts.getOrDefault(CollectOutcome.Kind.REJECTED, 0), null);
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

    private CollectOutcome.Kind collectOne(SourceFeed feed, Source source, FeedItem item) {
        String body = item.contentHtml() != null && !item.contentHtml().isBlank() ? item.contentHtml() : item.summaryHtml();
        String summary = item.contentHtml() != null && !item.contentHtml().isBlank() ? item.summaryHtml() : null;
        CollectedArticle article = new CollectedArticle(source.name(), source.homepage(), feed.id(), item.guid() != null ? item.guid() : item.link(), item.link(),
                item.title(), body, summary, item.publishedAt() != null ? item.publishedAt() : item.updatedAt(), item.authors(), item.categories(), item.imageUrl());
        try {
            CollectOutcome outcome = collecting.collect(article);
            if (outcome.kind() == CollectOutcome.Kind.REJECTED) {
                log.debug("feed {} item {} rejected: {}", feed.id(), item.link(), outcome.detail());
            }
            return outcome.kind();
        } catch (RuntimeException e) {
            log.warn("feed {} item {} could not be stored", feed.id(), item.link(), e);
            return CollectOutcome.Kind.REJECTED;
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
