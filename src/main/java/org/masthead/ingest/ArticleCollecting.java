package org.masthead.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.masthead.article.ArticleDraft;
import org.masthead.article.ArticleEditing;
import org.masthead.article.SaveOutcome;
import org.masthead.source.Source;
import org.masthead.source.Sources;
import org.masthead.text.BodyHtml;
import org.masthead.text.PlainText;
import org.masthead.text.Quality;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what feeds and fetched pages bring in, once. Everything is sanitised here, at the edge,
 * with the same allowlist as imports. An item is recognised as already collected by its feed GUID
 * (per source), then its canonical URL (tracking parameters removed), then the hash of its
 * normalised text; a recognised item whose text changed at the source updates its article through
 * {@link ArticleEditing}, so the change becomes a revision rather than a second article. A new feed
 * item that {@link Quality} flags (likely advertising, content-farm filler) is saved in review instead
 * of published, for an editor to decide ({@code masthead.ingest.hold-flagged}); a page an editor
 * imports by URL is their decision already and is never held.
 */
@Service
public class ArticleCollecting {

    static final int MAX_TITLE = 200;
    static final int MAX_TAGS = 5;
    static final int MAX_TAG = 20;

    private final ArticleEditing editing;
    private final Sources sources;
    private final ProvenanceRepository provenance;
    private final Clock clock;
    private final boolean holdFlagged;

    ArticleCollecting(ArticleEditing editing, Sources sources, ProvenanceRepository provenance, Clock clock, IngestSettings settings) {
        this.editing = editing;
        this.sources = sources;
        this.provenance = provenance;
        this.clock = clock;
        this.holdFlagged = settings.holdFlagged();
    }

    @Transactional
    public CollectOutcome collect(CollectedArticle item) {
        Instant now = clock.instant();
        String canonical = CanonicalUrl.of(item.url()).orElse(null);
        String title = plainTitle(item.title());
        if (title == null) {
            return CollectOutcome.rejected("title: missing");
        }
        String body = sanitisedBody(item.bodyHtml(), item.url());
        if (PlainText.fromHtml(body).isBlank() && !body.contains("<img")) {
            return CollectOutcome.rejected("body: nothing readable is left after removing unsafe markup");
        }
        if (item.sourceName() == null || item.sourceName().isBlank()) {
            return CollectOutcome.rejected("source: missing");
        }
        Source source;
        try {
            source = sources.ensure(item.sourceName(), item.sourceHomepage());
        } catch (IllegalArgumentException e) {
            return CollectOutcome.rejected("source: " + e.getMessage());
        }
        String guid = item.guid() == null || item.guid().isBlank() ? null : item.guid().strip();
        String hash = textHash(title, body);

        Optional<ProvenanceRepository.Item> known = provenance.byGuid(source.id(), guid);
        if (known.isEmpty()) {
            known = provenance.byCanonicalUrl(canonical);
        }
        if (known.isPresent()) {
            ProvenanceRepository.Item seen = known.get();
            if (seen.contentHash().equals(hash)) {
                provenance.seen(seen.id(), now);
                return new CollectOutcome(CollectOutcome.Kind.UNCHANGED, seen.articleId(), null);
            }
            if (!seen.origin()) {
                // A copy of another item's text changed: note it, but never let it overwrite that article.
                provenance.changed(seen.id(), hash, item.url(), canonical, now);
                return new CollectOutcome(CollectOutcome.Kind.DUPLICATE, seen.articleId(), "a changed copy of article " + seen.articleId());
            }
            // The article keeps the URL it was first stored under, so ArticleEditing finds it even if the source moved it.
            String articleUrl = provenance.articleOriginalUrl(seen.articleId()).orElse(canonical);
            CollectOutcome outcome = save(draft(item, title, body, articleUrl, source, now), CollectOutcome.Kind.UPDATED);
            if (outcome.kind() != CollectOutcome.Kind.REJECTED) {
                provenance.changed(seen.id(), hash, item.url(), canonical, now);
            }
            return outcome;
        }
        Optional<ProvenanceRepository.Item> sameText = provenance.originByContentHash(hash);
        if (sameText.isPresent()) {
            provenance.insert(sameText.get().articleId(), source.id(), item.feedId(), guid, item.url(), canonical, hash, now, false);
            return new CollectOutcome(CollectOutcome.Kind.DUPLICATE, sameText.get().articleId(), "same text as article " + sameText.get().articleId());
        }
        ArticleDraft fresh = draft(item, title, body, canonical, source, now);
        CollectOutcome outcome;
        Quality.Verdict verdict = item.feedId() != null && holdFlagged ? Quality.assess(title, PlainText.fromHtml(body), links(body)) : null;
        if (verdict != null && verdict.flagged()) {
            outcome = hold(fresh, verdict);
        } else {
            outcome = save(fresh, CollectOutcome.Kind.CREATED);
        }
        if (outcome.articleId() != null) {
            provenance.insert(outcome.articleId(), source.id(), item.feedId(), guid, item.url(), canonical, hash, now, true);
        }
        return outcome;
    }

    /** Where an article came from, newest first; empty for articles not collected. */
    public List<Provenance> provenanceOf(long articleId) {
        return provenance.ofArticle(articleId);
    }

    private CollectOutcome hold(ArticleDraft draft, Quality.Verdict verdict) {
        try {
            SaveOutcome saved = editing.saveForReview(draft);
            if (saved.kind() != SaveOutcome.Kind.CREATED) {
                // The URL already had an article (imported another way): it keeps its state, as any update.
                return new CollectOutcome(saved.kind() == SaveOutcome.Kind.UPDATED ? CollectOutcome.Kind.UPDATED : CollectOutcome.Kind.UNCHANGED,
                        saved.articleId(), null);
            }
            return new CollectOutcome(CollectOutcome.Kind.FLAGGED, saved.articleId(), String.join(" ", verdict.reasons()));
        } catch (IllegalArgumentException e) {
            return CollectOutcome.rejected(e.getMessage());
        }
    }

    /** Links in a sanitised body, for the quality check's share of link text. */
    static int links(String html) {
        int count = 0;
        for (int at = html.indexOf("<a "); at >= 0; at = html.indexOf("<a ", at + 3)) {
            count++;
        }
        return count;
    }

    private CollectOutcome save(ArticleDraft draft, CollectOutcome.Kind intended) {
        try {
            SaveOutcome saved = editing.savePublished(draft);
            CollectOutcome.Kind kind = switch (saved.kind()) {
                case CREATED -> CollectOutcome.Kind.CREATED;
                case UPDATED -> CollectOutcome.Kind.UPDATED;
                case UNCHANGED -> CollectOutcome.Kind.UNCHANGED;
            };
            return new CollectOutcome(kind, saved.articleId(), kind == intended ? null : "stored as " + kind.name().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return CollectOutcome.rejected(e.getMessage());
        }
    }

    private static ArticleDraft draft(CollectedArticle item, String title, String body, String url, Source source, Instant now) {
        List<String> authors = item.authors().stream().map(String::strip).filter(a -> !a.isEmpty() && a.length() <= 60).distinct().limit(10).toList();
        List<String> tags = item.categories().stream().map(String::strip).filter(t -> !t.isEmpty() && t.length() <= MAX_TAG).distinct().limit(MAX_TAGS).toList();
        String summary = item.summary() == null ? null : PlainText.fromHtml(BodyHtml.sanitize(item.summary())).strip();
        String cover = CanonicalUrl.of(item.coverImage()).isPresent() ? item.coverImage().strip() : null;
        Instant published = item.publishedAt() == null || item.publishedAt().isAfter(now.plusSeconds(3600)) ? now : item.publishedAt();
        return new ArticleDraft(title, null, body, summary == null || summary.isEmpty() ? null : summary, published, url, source.name(), source.homepage(),
                authors, null, tags, cover, List.of());
    }

    /** Titles are plain text: markup some feeds put in them is read as HTML and reduced to its words. */
    static String plainTitle(String title) {
        if (title == null) {
            return null;
        }
        String text = title.indexOf('<') >= 0 || title.indexOf('&') >= 0 ? PlainText.fromHtml(BodyHtml.sanitize(title)) : title;
        text = text.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= MAX_TITLE ? text : text.substring(0, text.offsetByCodePoints(0, MAX_TITLE));
    }

    /** Relative links and images made absolute against the item's URL, then the body allowlist. */
    static String sanitisedBody(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (baseUrl != null && CanonicalUrl.of(baseUrl).isPresent()) {
            Document doc = Jsoup.parseBodyFragment(html, baseUrl.strip());
            for (Element a : doc.select("a[href]")) {
                String abs = a.absUrl("href");
                if (!abs.isEmpty()) {
                    a.attr("href", abs);
                }
            }
            for (Element img : doc.select("img[src]")) {
                String abs = img.absUrl("src");
                if (!abs.isEmpty()) {
                    img.attr("src", abs);
                }
            }
            html = doc.body().html();
        }
        return BodyHtml.sanitize(html);
    }

    /** SHA-256 of title and body text after NFKC and with all white space removed. */
    static String textHash(String title, String bodyHtml) {
        String text = Normalizer.normalize(title + "\n" + PlainText.fromHtml(bodyHtml), Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u3000]+", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
