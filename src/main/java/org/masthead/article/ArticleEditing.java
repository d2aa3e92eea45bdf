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

/**
 * Creates and updates articles' content: drafts by the newsroom, published articles by imports (an
 * article with a known original URL is updated, never duplicated). Every save that changes something
 * keeps a revision and an audit line in its own transaction.
 */
@Service
public class ArticleEditing {

    static final int MAX_TITLE = 200;
    /** Longer than the longest excerpt setting (500), so excerpts are always cut by Excerpt rules, never here. */
    static final int LEAD_CHARS = 1000;

    private final ArticleRepository articles;
    private final WorkflowRepository workflow;
    private final Channels channels;
    private final Sources sources;
    private final Tags tags;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleEditing(ArticleRepository articles, WorkflowRepository workflow, Channels channels, Sources sources, Tags tags,
            ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.workflow = workflow;
        this.channels = channels;
        this.sources = sources;
        this.tags = tags;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a published article, or updates the one with the same original URL: an import, done by
     * the system. Saving the same content twice changes nothing and says {@code UNCHANGED}; a change
     * keeps a new revision and leaves the article's state alone (an article an editor withdrew stays
     * withdrawn when its source changes it).
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    @Transactional
    public SaveOutcome savePublished(ArticleDraft draft) {
        return saveFromOutside(draft, ArticleStatus.PUBLISHED);
    }

    /**
     * Like {@link #savePublished}, but a new article is held in review instead of published: for items
     * from outside that the quality check flags (likely advertising), which an editor then publishes or
     * archives. An article that already exists keeps its state, as with {@code savePublished}: the
     * editor's decision wins over a later flag.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    @Transactional
    public SaveOutcome saveForReview(ArticleDraft draft) {
        return saveFromOutside(draft, ArticleStatus.REVIEW);
    }

    private SaveOutcome saveFromOutside(ArticleDraft draft, ArticleStatus initial) {
        Actor importer = Actor.system("import");
        validate(draft);
        String hash = contentHash(draft);
        Optional<Long> existing = draft.originalUrl() == null ? Optional.empty() : articles.idByOriginalUrl(draft.originalUrl());
        if (existing.isPresent() && hash.equals(articles.contentHash(existing.get()))) {
            return new SaveOutcome(existing.get(), SaveOutcome.Kind.UNCHANGED);
        }
        Instant now = clock.instant();
        ArticleRepository.Row row = row(draft, hash);
        if (existing.isPresent()) {
            long id = existing.get();
            ArticleStatus status = workflow.load(id).orElseThrow().status();
            write(id, row, now);
            keep(id, draft, importer, ArticleAction.IMPORT, "import", status, now);
            if (status == ArticleStatus.PUBLISHED) {
                events.publishEvent(new ArticleChanged(id, now));
            }
            return new SaveOutcome(id, SaveOutcome.Kind.UPDATED);
        }
        long id = articles.insert(row, initial, importer.name(), now);
        articles.replaceChildren(id, draft.authors(), row.tags(), draft.figures());
        keep(id, draft, importer, ArticleAction.IMPORT, "import", initial, now);
        if (initial == ArticleStatus.PUBLISHED) {
            events.publishEvent(new ArticlePublished(id, now));
        }
        return new SaveOutcome(id, SaveOutcome.Kind.CREATED);
    }

    /**
     * Creates a draft by a member of the newsroom, who then owns it. A draft needs a title; its body
     * may still be empty (it cannot be submitted or published so). Without a publish time it gets the
     * present, which publishing or scheduling replaces.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     * @throws ArticleRefused when the actor is the system
     */
    @Transactional
    public long createDraft(ArticleDraft draft, Actor actor) {
        if (actor.role() == Actor.Role.SYSTEM) {
            throw ArticleRefused.forbidden("workflow.systemOnly", ArticleAction.CREATE);
        }
        Instant now = clock.instant();
        ArticleDraft content = (draft.publishedAt() == null ? draft.withPublishedAt(now) : draft).withBodyOrEmpty();
        validateDraft(content);
        requireOriginalUrlFree(content, null);
        ArticleRepository.Row row = row(content, contentHash(content));
        long id = articles.insert(row, ArticleStatus.DRAFT, actor.name(), now);
        articles.replaceChildren(id, content.authors(), row.tags(), content.figures());
        keep(id, content, actor, ArticleAction.CREATE, "create", ArticleStatus.DRAFT, now);
        return id;
    }

    /**
     * Replaces the content of an article (not its state, nor its publish time: scheduling and
     * publishing set that, under their own rules). Authors may change their own drafts and articles in
     * review; editors any article. An unchanged save keeps no revision.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     * @throws ArticleRefused when there is no such article or the actor may not edit it
     */
    @Transactional
    public SaveOutcome update(long id, ArticleDraft draft, Actor actor) {
        return update(id, draft, actor, ArticleAction.UPDATE, "update");
    }

    SaveOutcome update(long id, ArticleDraft draft, Actor actor, ArticleAction action, String reason) {
        Article article = workflow.load(id).orElseThrow(() -> ArticleRefused.notFound("workflow.notFound", String.valueOf(id)));
        article.checkEditableBy(actor);
        ArticleDraft content = draft.withPublishedAt(article.publishedAt()).withBodyOrEmpty();
        validateDraft(content);
        if (article.status() != ArticleStatus.DRAFT && content.bodyHtml().isBlank()) {
            throw new IllegalArgumentException("body: must not be empty once the article left the drafts");
        }
        requireOriginalUrlFree(content, id);
        String hash = contentHash(content);
        if (hash.equals(articles.contentHash(id))) {
            return new SaveOutcome(id, SaveOutcome.Kind.UNCHANGED);
        }
        Instant now = clock.instant();
        write(id, row(content, hash), now);
        keep(id, content, actor, action, reason, article.status(), now);
        if (article.status() == ArticleStatus.PUBLISHED) {
            events.publishEvent(new ArticleChanged(id, now));
        }
        return new SaveOutcome(id, SaveOutcome.Kind.UPDATED);
    }

    /** The original URL identifies an article for imports, so two articles never share one. */
    private void requireOriginalUrlFree(ArticleDraft draft, Long self) {
        if (draft.originalUrl() != null) {
            articles.idByOriginalUrl(draft.originalUrl()).filter(other -> !other.equals(self)).ifPresent(other -> {
                throw new IllegalArgumentException("originalUrl: article " + other + " already has this original URL");
            });
        }
    }

    private ArticleRepository.Row row(ArticleDraft draft, String hash) {
        Channel channel = draft.channelName() == null || draft.channelName().isBlank() ? null : channels.ensure(draft.channelName());
        Source source = draft.sourceName() == null || draft.sourceName().isBlank() ? null : sources.ensure(draft.sourceName(), draft.sourceHomepage());
        return new ArticleRepository.Row(draft, lead(draft.bodyHtml()), channel == null ? null : channel.id(), source == null ? null : source.id(), hash,
                tags.ensure(draft.tags()));
    }

    private void write(long id, ArticleRepository.Row row, Instant now) {
        articles.update(id, row, now);
        articles.replaceChildren(id, row.draft().authors(), row.tags(), row.draft().figures());
    }

    /** The revision and the audit line of a save, in the save's own transaction. */
    private void keep(long id, ArticleDraft content, Actor actor, ArticleAction action, String reason, ArticleStatus status, Instant now) {
        int number = workflow.addRevision(id, content, actor.name(), reason, now);
        workflow.audit(now, actor, action, id, status, status, "revision " + number);
    }

    /** What a draft needs: a title of sensible length, and the field rules of an import except body and time. */
    static void validateDraft(ArticleDraft draft) {
        validate(draft.bodyHtml().isBlank() ? draft.withBody("<p></p>") : draft);
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
