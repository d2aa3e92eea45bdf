package org.masthead.search;

import java.time.Instant;

/**
 * One article found. {@code titleHtml} and {@code snippet} are HTML: the matched words in
 * {@code <mark>}, every other character escaped, ready to be shown as they are; {@code url} is the
 * article's path on the site. Source and channel may be null.
 */
public record Hit(long id, String title, String titleHtml, String url, String snippet, Instant publishedAt, String source, String channel) {}
