package org.masthead.article;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which articles show an image, any revision status included: asked before an image of the media
 * library is deleted, so no article is left with a broken picture.
 */
@Component
public class ImageReferences {

    private final JdbcClient jdbc;

    ImageReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ids of the articles whose cover, figures or body mention this text (a media item's content hash,
     * which is in every URL of the image and its thumbnails), lowest first, at most {@code limit}.
     */
    public List<Long> articlesMentioning(String text, int limit) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("SELECT id FROM article WHERE cover_image LIKE ? ESCAPE '\\' OR body_html LIKE ? ESCAPE '\\' "
                        + "OR id IN (SELECT article_id FROM article_figure WHERE url LIKE ? ESCAPE '\\') ORDER BY id LIMIT ?")
                .params(like, like, like, limit)
                .query(Long.class)
                .list();
    }
}
