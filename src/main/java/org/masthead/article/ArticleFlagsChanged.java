package org.masthead.article;

import java.util.Set;

/** An editor set or cleared flags of an article; {@code changed} names the flags that changed. */
public record ArticleFlagsChanged(long articleId, Set<ArticleFlag> changed) {}
