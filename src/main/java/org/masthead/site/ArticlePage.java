package org.masthead.site;

import java.util.List;

/**
 * The article page, every element of the seed page in its order: title, time and source, body with
 * figures, byline, tags, then the latest and headline lists beside it.
 *
 * @param source the publisher, linking to the original article when known; null when none
 * @param cover the cover, shown above the body when it is an image of the media library that the body does
 *     not already show; null otherwise (a cover from elsewhere serves link previews and feeds only, as before)
 * @param bodyHtml sanitised when it entered the system, so shown as it is, its library images given their
 *     srcset ({@link ResponsiveImages#rewrite})
 * @param extraFigures images given with the article that its body does not already show
 * @param alsoReportedBy the same story from other publishers (its story cluster), each link named by source
 */
public record ArticlePage(
        SiteLayout layout,
        String title,
        String subtitle,
        String published,
        String publishedIso,
        Link source,
        Link channel,
        ImageView cover,
        String bodyHtml,
        List<FigureView> extraFigures,
        List<Link> authors,
        List<Link> tags,
        List<CardView> latest,
        List<CardView> headlines,
        List<Link> alsoReportedBy) {}
