package org.masthead.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.masthead.ingest.fetch.FetchException;
import org.masthead.ingest.fetch.Fetched;
import org.masthead.ingest.fetch.WebFetcher;
import org.masthead.ingest.page.ExtractedPage;
import org.masthead.ingest.page.PageExtraction;
import org.masthead.ingest.page.PageExtractionException;
import org.springframework.stereotype.Service;

/**
 * Import by URL: fetches one page, finds the article in it and collects it like a feed item
 * (sanitised, deduplicated, provenance kept). The publisher is the page's own (JSON-LD publisher,
 * og:site_name) unless the caller names one, else the host name.
 */
@Service
public class PageImport {

    static final String ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    /** The outcome: {@code status} created, updated, unchanged, duplicate or error (with {@code error} saying why). */
    public record Result(String status, Long id, String url, String title, String error) {}

    private final ArticleCollecting collecting;
    private final WebFetcher fetcher;
    private final PageExtraction extraction;

    PageImport(ArticleCollecting collecting, IngestSettings settings, Clock clock) {
        this.collecting = collecting;
        this.fetcher = new WebFetcher(settings.fetchLimits());
        this.extraction = new PageExtraction(clock, ZoneId.of(settings.siteZone()));
    }

    public Result importUrl(String url, String sourceName) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            return error("url: \"" + url + "\" is not a URL");
        }
        if (CanonicalUrl.of(uri.toString()).isEmpty()) {
            return error("url: \"" + url + "\" is not an absolute http(s) URL");
        }
        try {
            Fetched fetched = fetcher.fetch(uri, null, null, ACCEPT);
            String type = fetched.contentType() == null ? "" : fetched.contentType().toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !type.contains("html") && !type.contains("xml") && !type.startsWith("text/")) {
                return error("url: the page is " + fetched.contentType() + ", not HTML");
            }
            ExtractedPage page = extraction.extract(fetched.text().text(), fetched.finalUrl());
            String host = fetched.finalUrl().getHost();
            String publisher = sourceName != null && !sourceName.isBlank() ? sourceName.strip() : page.publisher() != null ? page.publisher().strip() : host;
            if (publisher.length() > 80) {
                publisher = host;
            }
            String articleUrl = page.canonicalUrl() != null && sameSite(page.canonicalUrl(), host) ? page.canonicalUrl() : fetched.finalUrl().toString();
            CollectOutcome outcome = collecting.collect(new CollectedArticle(publisher, fetched.finalUrl().getScheme() + "://" + host + "/", null, null, articleUrl,
                    page.title(), page.bodyHtml(), page.excerpt(), page.publishedAt(), page.authors(), java.util.List.of(), page.leadImage()));
            if (outcome.kind() == CollectOutcome.Kind.REJECTED) {
                return error(outcome.detail());
            }
            return new Result(outcome.kind().name().toLowerCase(Locale.ROOT), outcome.articleId(), outcome.articleId() == null ? null : "/articles/" + outcome.articleId(),
                    page.title(), null);
        } catch (FetchException e) {
            return error("fetch: " + e.getMessage());
        } catch (PageExtractionException e) {
            return error("extract: " + e.getMessage());
        }
    }

    /** A canonical link to another site is not trusted to name the article (it could claim any URL). */
    private static boolean sameSite(String url, String host) {
        try {
            String other = URI.create(url).getHost();
            return other != null && (other.equalsIgnoreCase(host) || other.toLowerCase(Locale.ROOT).endsWith("." + registrable(host)) || registrable(other).equals(registrable(host)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String registrable(String host) {
        String[] parts = host.toLowerCase(Locale.ROOT).split("\\.");
        return parts.length <= 2 ? host.toLowerCase(Locale.ROOT) : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static Result error(String message) {
        return new Result("error", null, null, null, message);
    }
}
