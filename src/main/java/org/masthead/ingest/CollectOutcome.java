package org.masthead.ingest;

/**
 * What collecting one article did. {@code articleId} is null only when it was rejected; for a
 * duplicate it is the article that already carries the same text.
 */
public record CollectOutcome(Kind kind, Long articleId, String detail) {

    public enum Kind {
        /** A new article. */
        CREATED,
        /**
         * A new article the quality check flagged (likely advertising or filler): saved in review, not
         * published; {@code detail} holds the reasons, message keys {@code quality.reason.*} separated by spaces.
         */
        FLAGGED,
        /** The source changed it (title edit, correction): the article was updated, so a revision follows. */
        UPDATED,
        /** Seen before, nothing changed. */
        UNCHANGED,
        /** The same text is already here under another URL or GUID: no second article. */
        DUPLICATE,
        /** Unusable (no title, nothing readable left after sanitising …); {@code detail} says why. */
        REJECTED
    }

    static CollectOutcome rejected(String why) {
        return new CollectOutcome(Kind.REJECTED, null, why);
    }
}
