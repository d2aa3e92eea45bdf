package org.masthead.article;

import java.time.Instant;

/** Which state of an article a derived store holds: its id, the time it was last changed and its status code. */
public record ArticleVersion(long id, Instant updatedAt, String status) {}
