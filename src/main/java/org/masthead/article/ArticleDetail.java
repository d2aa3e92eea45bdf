package org.masthead.article;

import java.time.Instant;
import java.util.List;
import org.masthead.channel.Channel;
import org.masthead.source.Source;
import org.masthead.tag.Tag;

/** An article with everything its page and the API show; source and channel may be null. */
public record ArticleDetail(
        long id,
        String title,
        String subtitle,
        String bodyHtml,
        String summary,
        String leadText,
        ArticleStatus status,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        String originalUrl,
        Source source,
        Channel channel,
        List<String> authors,
        List<Tag> tags,
        String coverImage,
        List<Figure> figures,
        long viewCount) {

    public String url() {
        return ArticleCard.urlOf(id);
    }

    /** The summary, or the start of the text when none was given: what excerpts are cut from. */
    public String excerptSource() {
        return summary != null && !summary.isBlank() ? summary : leadText;
    }
}
