package org.masthead.article;

import java.time.Instant;

/** Which state of an article a derived store holds: its id and the time it was last changed. */
public record ArticleVersion(long id, Instant updatedAt) {}
