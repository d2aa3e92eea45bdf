package org.masthead.feed;

import org.masthead.article.ArticleLists;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code masthead.feed.*}: what the RSS, Atom and JSON feeds carry.
 *
 * @param size how many of the newest articles a feed lists, 1 to 100
 * @param fullText whether entries carry the whole article body; otherwise only its summary
 * @param summaryLength longest entry summary in characters (the article's own summary or the start of its text)
 */
@ConfigurationProperties("masthead.feed")
record FeedSettings(@DefaultValue("20") int size, @DefaultValue("false") boolean fullText, @DefaultValue("200") int summaryLength) {

    FeedSettings {
        if (size < 1 || size > ArticleLists.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("masthead.feed.size must be between 1 and " + ArticleLists.MAX_PAGE_SIZE + ", not " + size);
        }
        if (summaryLength < 2) {
            throw new IllegalArgumentException("masthead.feed.summary-length must be at least 2, not " + summaryLength);
        }
    }
}
