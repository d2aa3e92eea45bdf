package org.masthead.article;

import java.time.Instant;
import java.util.List;

/** An article as the back office lists it: any state, with who created it and its bylines. */
public record DeskRow(
        long id,
        String title,
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        String createdBy,
        String channelName,
        String sourceName,
        List<String> authors) {

    public String url() {
        return ArticleCard.urlOf(id);
    }
}
