package org.masthead.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.masthead.channel.Channel;
import org.masthead.channel.Channels;
import org.masthead.source.Source;
import org.masthead.source.Sources;
import org.masthead.tag.Tag;
import org.masthead.tag.Tags;
import org.masthead.text.PlainText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and updates articles; an article with a known original URL is updated, never duplicated. */
@Service
public class ArticleEditing {

    static final int MAX_TITLE = 200;
    /** Longer than the longest excerpt setting (500), so excerpts are always cut by Excerpt rules, never here. */
    static final int LEAD_CHARS = 1000;

    private final ArticleRepository articles;
    private final Channels channels;
    private final Sources sources;
    private final Tags tags;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleEditing(ArticleRepository articles, Channels channels, Sources sources, Tags tags, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.channels = channels;
        this.sources = sources;
        this.tags = tags;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a published article, or updates the one with the same original URL. Saving the same
     * content twice changes nothing and says {@code UNCHANGED}.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    @Transactional
    public SaveOutcome savePublished(ArticleDraft draft) {
        validate(draft);
        String hash = contentHash(draft);
        Optional<Long> existing = draft.originalUrl() == null ? Optional.empty() : articles.idByOriginalUrl(draft.originalUrl());
        if (existing.isPresent() && hash.equals(articles.contentHash(existing.get()))) {
            return new SaveOutcome(existing.get(), SaveOutcome.Kind.UNCHANGED);
        }
        Channel channel = draft.channelName() == null || draft.channelName().isBlank() ? null : channels.ensure(draft.channelName());
        Source source = draft.sourceName() == null || draft.sourceName().isBlank() ? null : sources.ensure(draft.sourceName(), draft.sourceHomepage());
        List<Tag> tagList = tags.ensure(draft.tags());
        String lead = lead(draft.bodyHtml());
        Instant now = clock.instant();
        ArticleRepository.Row row = new ArticleRepository.Row(draft, lead, channel == null ? null : channel.id(), source == null ? null : source.id(), hash);
        if (existing.isPresent()) {
            long id = existing.get();
            articles.update(id, row, now);
            articles.replaceChildren(id, draft.authors(), tagList, draft.figures());
            events.publishEvent(new ArticleChanged(id, now));
            return new SaveOutcome(id, SaveOutcome.Kind.UPDATED);
        }
        long id = articles.insert(row, ArticleStatus.PUBLISHED, now);
        articles.replaceChildren(id, draft.authors(), tagList, draft.figures());
        events.publishEvent(new ArticlePublished(id, now));
        return new SaveOutcome(id, SaveOutcome.Kind.CREATED);
    }

    static void validate(ArticleDraft draft) {
        if (draft.title() == null || draft.title().isBlank()) {
            throw new IllegalArgumentException("title: must not be empty");
        }
        if (draft.title().strip().length() > MAX_TITLE) {
            throw new IllegalArgumentException("title: at most " + MAX_TITLE + " characters");
        }
        if (draft.bodyHtml() == null || draft.bodyHtml().isBlank()) {
            throw new IllegalArgumentException("body: must not be empty");
        }
        if (draft.publishedAt() == null) {
            throw new IllegalArgumentException("publishedAt: is required");
        }
        if (draft.originalUrl() != null && draft.originalUrl().length() > 2000) {
            throw new IllegalArgumentException("originalUrl: at most 2000 characters");
        }
        for (String author : draft.authors()) {
            if (author == null || author.isBlank() || author.length() > 60) {
                throw new IllegalArgumentException("authors: each author is 1 to 60 characters");
            }
        }
        for (Figure figure : draft.figures()) {
            if (figure.url() == null || figure.url().isBlank()) {
                throw new IllegalArgumentException("images: every image needs a url");
            }
        }
    }

    private static String lead(String bodyHtml) {
        String text = PlainText.fromHtml(bodyHtml);
        return text.codePointCount(0, text.length()) <= LEAD_CHARS ? text : text.substring(0, text.offsetByCodePoints(0, LEAD_CHARS));
    }

    /** A fingerprint of everything a reader sees, so re-importing identical content is a no-op. */
    static String contentHash(ArticleDraft d) {
        StringBuilder all = new StringBuilder();
        for (Object part : List.of(
                String.valueOf(d.title()), String.valueOf(d.subtitle()), String.valueOf(d.bodyHtml()), String.valueOf(d.summary()),
                String.valueOf(d.publishedAt()), String.valueOf(d.sourceName()), String.valueOf(d.sourceHomepage()),
                String.valueOf(d.channelName()), String.valueOf(d.coverImage()), d.authors(), d.tags(), d.figures())) {
            all.append(part).append('\u0000');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
