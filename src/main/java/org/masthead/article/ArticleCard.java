package org.masthead.article;

import java.time.Instant;

/**
 * An article as a list shows it. {@code excerptSource} is the summary when the article has one,
 * otherwise the start of its text: the site cuts it to the configured excerpt length.
 */
public record ArticleCard(
        long id,
        String title,
        String excerptSource,
        Instant publishedAt,
        Instant updatedAt,
        String coverImage,
        Long channelId,
        String channelName,
        String channelSlug,
        Long sourceId,
        String sourceName) {

    public String url() {
        return urlOf(id);
    }

    static String urlOf(long id) {
        return "/articles/" + id;
    }
}
