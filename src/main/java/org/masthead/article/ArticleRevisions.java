package org.masthead.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.masthead.article.RevisionDiff.FieldChange;
import org.masthead.text.PlainText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The saved states of an article: list them, compare two, restore one (which saves a new revision). */
@Service
public class ArticleRevisions {

    /** Most revisions one list returns. */
    public static final int MAX_LIST = 500;

    private final WorkflowRepository workflow;
    private final ArticleEditing editing;

    ArticleRevisions(WorkflowRepository workflow, ArticleEditing editing) {
        this.workflow = workflow;
        this.editing = editing;
    }

    /** Newest first, at most {@value #MAX_LIST}. Editors see any article's, authors their own. */
    public List<Revision> list(long articleId, Actor actor) {
        readable(articleId, actor);
        return workflow.revisions(articleId, MAX_LIST);
    }

    public Revision get(long articleId, int number, Actor actor) {
        readable(articleId, actor);
        return revision(articleId, number);
    }

    /** What changed from revision {@code from} to revision {@code to} (either may be the older). */
    public RevisionDiff diff(long articleId, int from, int to, Actor actor) {
        readable(articleId, actor);
        return compare(articleId, revision(articleId, from), revision(articleId, to));
    }

    /**
     * Makes revision {@code number}'s content the article's content again, as a new revision
     * ({@code restore:n}); the state and publish time stay. Restoring what the article already holds
     * changes nothing and says {@code UNCHANGED}.
     */
    @Transactional
    public SaveOutcome restore(long articleId, int number, Actor actor) {
        Revision old = revision(articleId, number);
        return editing.update(articleId, old.content(), actor, ArticleAction.RESTORE, "restore:" + number);
    }

    private void readable(long articleId, Actor actor) {
        workflow.load(articleId).orElseThrow(() -> ArticleRefused.notFound("workflow.notFound", String.valueOf(articleId))).checkReadableBy(actor);
    }

    private Revision revision(long articleId, int number) {
        return workflow.revision(articleId, number)
                .orElseThrow(() -> ArticleRefused.notFound("revision.notFound", String.valueOf(articleId), String.valueOf(number)));
    }

    static RevisionDiff compare(long articleId, Revision from, Revision to) {
        ArticleDraft a = from.content();
        ArticleDraft b = to.content();
        List<FieldChange> changes = new ArrayList<>();
        field(changes, "title", a, b, ArticleDraft::title);
        field(changes, "subtitle", a, b, ArticleDraft::subtitle);
        field(changes, "summary", a, b, ArticleDraft::summary);
        field(changes, "body", a, b, d -> d.bodyHtml() == null ? "" : PlainText.fromHtml(d.bodyHtml()));
        if (changes.stream().noneMatch(c -> c.field().equals("body"))) {
            // Same words, different markup (a link, bold, a figure): show the HTML so the change is seen.
            field(changes, "bodyHtml", a, b, ArticleDraft::bodyHtml);
        }
        field(changes, "channel", a, b, ArticleDraft::channelName);
        field(changes, "tags", a, b, d -> String.join("、", d.tags()));
        field(changes, "authors", a, b, d -> String.join("、", d.authors()));
        field(changes, "source", a, b, ArticleDraft::sourceName);
        field(changes, "sourceHomepage", a, b, ArticleDraft::sourceHomepage);
        field(changes, "originalUrl", a, b, ArticleDraft::originalUrl);
        field(changes, "coverImage", a, b, ArticleDraft::coverImage);
        field(changes, "figures", a, b, d -> String.join("\n", d.figures().stream()
                .map(f -> f.url() + (f.caption() == null ? "" : " " + f.caption())).toList()));
        return new RevisionDiff(articleId, from.number(), to.number(), changes);
    }

    private static void field(List<FieldChange> changes, String name, ArticleDraft a, ArticleDraft b, Function<ArticleDraft, String> value) {
        String before = Objects.requireNonNullElse(value.apply(a), "");
        String after = Objects.requireNonNullElse(value.apply(b), "");
        if (!before.equals(after)) {
            changes.add(new FieldChange(name, before, after, TextDiff.segments(before, after)));
        }
    }
}
