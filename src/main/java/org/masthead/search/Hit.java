package org.masthead.search;

import java.time.Instant;

/**
 * One article found. {@code titleHtml} and {@code snippet} are HTML: the matched words in
 * {@code <mark>}, every other character escaped, ready to be shown as they are; {@code url} is the
 * article's path on the site. Source and channel may be null. {@code status} is the article's status
 * code ("published" in every search for readers; the back office's sees drafts and others too).
 */
public record Hit(long id, String title, String titleHtml, String url, String snippet, Instant publishedAt, String source, String channel,
        String status) {

    /** A hit of a search for readers, which only ever finds published articles. */
    public Hit(long id, String title, String titleHtml, String url, String snippet, Instant publishedAt, String source, String channel) {
        this(id, title, titleHtml, url, snippet, publishedAt, source, channel, "published");
    }
}
