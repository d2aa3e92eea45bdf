package org.masthead.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.masthead.article.AuditEntry;
import org.masthead.article.Revision;
import org.masthead.article.RevisionDiff;

/** The JSON answers of the workflow, revision and audit endpoints; times in the site's zone. */
final class WorkflowResponses {

    private WorkflowResponses() {}

    /** An article's state after a change: where it stands and when it is (to be) published. */
    record StateResponse(long id, String status, OffsetDateTime publishedAt, String url, String outcome) {}

    record RevisionItem(int number, OffsetDateTime createdAt, String createdBy, String reason, String title) {

        static RevisionItem of(Revision r, ZoneId zone) {
            return new RevisionItem(r.number(), r.createdAt().atZone(zone).toOffsetDateTime(), r.createdBy(), r.reason(), r.title());
        }
    }

    record RevisionList(long articleId, List<RevisionItem> revisions) {}

    /** One revision with its whole content, in the fields of {@link ArticleRequest}. */
    record RevisionResponse(long articleId, int number, OffsetDateTime createdAt, String createdBy, String reason, ArticleRequest content) {

        static RevisionResponse of(Revision r, ZoneId zone) {
            var d = r.content();
            ArticleRequest content = new ArticleRequest(d.title(), d.subtitle(), d.bodyHtml(), "html", d.summary(), d.originalUrl(), d.sourceName(),
                    d.sourceHomepage(), d.authors(), d.channelName(), d.tags(), d.coverImage(),
                    d.figures().stream().map(f -> new ArticleRequest.Image(f.url(), f.caption())).toList());
            return new RevisionResponse(r.articleId(), r.number(), r.createdAt().atZone(zone).toOffsetDateTime(), r.createdBy(), r.reason(), content);
        }
    }

    /** A diff as data (segments per field: equal, delete, insert) and as word-diff text. */
    record DiffResponse(long articleId, int from, int to, List<Change> changes, String text) {

        record Change(String field, String before, String after, List<Part> parts) {}

        record Part(String op, String text) {}

        static DiffResponse of(RevisionDiff diff) {
            return new DiffResponse(diff.articleId(), diff.from(), diff.to(), diff.changes().stream()
                    .map(c -> new Change(c.field(), c.before(), c.after(), c.segments().stream()
                            .map(s -> new Part(s.kind().name().toLowerCase(java.util.Locale.ROOT), s.text())).toList()))
                    .toList(), diff.asText());
        }
    }

    record AuditItem(long id, OffsetDateTime at, String actor, String role, String address, String action, long articleId, String from, String to,
            String detail) {

        static AuditItem of(AuditEntry e, ZoneId zone) {
            return new AuditItem(e.id(), e.at().atZone(zone).toOffsetDateTime(), e.actor(), e.role(), e.address(), e.action().code(), e.articleId(),
                    e.from() == null ? null : e.from().code(), e.to() == null ? null : e.to().code(), e.detail());
        }
    }

    record AuditList(List<AuditItem> entries) {}
}
