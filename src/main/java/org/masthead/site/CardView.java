package org.masthead.site;

import java.util.Map;
import org.masthead.article.ArticleCard;
import org.masthead.media.Rendition;
import org.masthead.text.Excerpt;

/**
 * One line of a list: title, link, excerpt and times formatted for the site zone.
 *
 * @param image the article's cover as a small picture when it is an image of the media library, else null
 *     (a cover from another site has no known size or thumbnail, and lists never showed one)
 */
public record CardView(String title, String url, String excerpt, String time, String datetime, String sourceName, String channelName, ImageView image) {

    static CardView of(ArticleCard card, SiteFormats formats, int excerptLength) {
        return of(card, formats, excerptLength, Map.of());
    }

    /** @param covers the library images among the cards' covers ({@link ResponsiveImages#covers}) */
    static CardView of(ArticleCard card, SiteFormats formats, int excerptLength, Map<String, Rendition> covers) {
        Rendition cover = card.coverImage() == null ? null : covers.get(card.coverImage());
        return new CardView(
                card.title(),
                card.url(),
                Excerpt.of(card.excerptSource(), excerptLength),
                formats.listTime(card.publishedAt()),
                formats.machine(card.publishedAt()),
                card.sourceName(),
                card.channelName(),
                cover == null ? null : ResponsiveImages.card(cover));
    }
}
