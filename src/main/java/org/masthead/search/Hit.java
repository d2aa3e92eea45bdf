package org.masthead.search;

import java.time.Instant;
import java.util.List;

/**
 * One result: an article, or a story cluster shown as its best-ranked member. {@code titleHtml} and
 * {@code snippet} are HTML: the matched words in {@code <mark>}, every other character escaped, ready
 * to be shown as they are; {@code url} is the article's path on the site. Source and channel may be
 * null. {@code status} is the article's status code ("published" in every search for readers; the
 * back office's sees drafts and others too).
 *
 * @param storyId the story cluster the article belongs to, null when it is in none
 * @param sources how many sources (publishers) report the story among the articles this search found,
 *     the shown one included (an article without a source counts as one of its own); 1 for an article in no story
 * @param others the story's other articles this search found, first published first, at most
 *     {@link #MAX_OTHERS}; {@code storyArticles} counts them all, the shown one included
 */
public record Hit(long id, String title, String titleHtml, String url, String snippet, Instant publishedAt, String source, String channel,
        String status, Long storyId, int sources, int storyArticles, List<StoryMember> others) {

    /** Other articles of a story listed with its result; the rest are counted. */
    public static final int MAX_OTHERS = 5;

    public Hit {
        others = List.copyOf(others);
    }

    /** A hit of a search for readers, in no story: it only ever finds published articles. */
    public Hit(long id, String title, String titleHtml, String url, String snippet, Instant publishedAt, String source, String channel) {
        this(id, title, titleHtml, url, snippet, publishedAt, source, channel, "published", null, 1, 1, List.of());
    }

    /** Sources other than the shown article's: "另有 N 家媒体报道". */
    public int otherSources() {
        return Math.max(0, sources - 1);
    }

    /** Another article of the same story. */
    public record StoryMember(long id, String title, String url, String source, Instant publishedAt) {}
}
