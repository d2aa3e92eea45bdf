package org.masthead.site;

import org.masthead.article.ArticleCard;
import org.masthead.text.Excerpt;

/** One line of a list: title, link, excerpt and times formatted for the site zone. */
public record CardView(String title, String url, String excerpt, String time, String datetime, String sourceName, String channelName) {

    static CardView of(ArticleCard card, SiteFormats formats, int excerptLength) {
        return new CardView(
                card.title(),
                card.url(),
                Excerpt.of(card.excerptSource(), excerptLength),
                formats.listTime(card.publishedAt()),
                formats.machine(card.publishedAt()),
                card.sourceName(),
                card.channelName());
    }
}
