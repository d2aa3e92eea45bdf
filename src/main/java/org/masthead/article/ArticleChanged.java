package org.masthead.article;

import java.time.Instant;

/** A visible article's content changed. */
public record ArticleChanged(long articleId, Instant at) {}
