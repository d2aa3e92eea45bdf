package org.masthead.article;

import java.time.Instant;

/** An article became visible to readers. */
public record ArticlePublished(long articleId, Instant at) {}
