package org.masthead.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * One feed as all three formats show it, assembled once and written as RSS 2.0, Atom 1.0 or JSON
 * Feed 1.1. Every address is absolute. Text is as stored; the XML writers alone drop what XML 1.0
 * cannot carry.
 *
 * @param pageUrl the HTML page that lists the same articles
 * @param feedUrlBase what a format's file name is appended to (the site address for the site feeds)
 * @param publisher the site name: the feed's author where an entry names none
 * @param updated the newest change among the entries (publication or edit); null when there are none
 * @param zone the site zone, in which every date is written with its offset
 */
record FeedContent(
        String title,
        String description,
        String pageUrl,
        String feedUrlBase,
        Locale language,
        String publisher,
        Instant updated,
        ZoneId zone,
        List<Entry> entries) {

    FeedContent {
        entries = List.copyOf(entries);
    }

    String feedUrl(FeedFormat format) {
        return feedUrlBase + "/" + format.fileName();
    }

    /**
     * One article.
     *
     * @param url the article's absolute address: also its RSS guid, Atom id and JSON Feed id, so it never changes when the article does
     * @param summary plain text
     * @param contentHtml the whole body as HTML with absolute links, or null when feeds carry summaries only
     * @param updated the later of publication and last edit
     * @param categories the channel, then the tags
     * @param source the publisher, null when unknown
     * @param originalUrl the article at its publisher, null when unknown
     * @param image the cover image, null when none
     */
    record Entry(
            String url,
            String title,
            String summary,
            String contentHtml,
            Instant published,
            Instant updated,
            List<String> authors,
            List<String> categories,
            Publisher source,
            String originalUrl,
            Image image) {

        Entry {
            authors = List.copyOf(authors);
            categories = List.copyOf(categories);
        }
    }

    /**
     * A publisher (来源).
     *
     * @param feedUrl this site's RSS feed of the publisher's articles
     * @param homepage null when unknown
     */
    record Publisher(String name, String feedUrl, String homepage) {}

    /**
     * An image and its media type, guessed from the file extension; the type is null when the
     * extension names no known image format.
     */
    record Image(String url, String type) {

        static Image of(String url) {
            String path = url;
            for (char end : new char[] {'#', '?'}) {
                int at = path.indexOf(end);
                if (at >= 0) {
                    path = path.substring(0, at);
                }
            }
            int dot = path.lastIndexOf('.');
            String extension = dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
            String type = switch (extension) {
                case "jpg", "jpeg", "jpe", "jfif" -> "image/jpeg";
                case "png" -> "image/png";
                case "gif" -> "image/gif";
                case "webp" -> "image/webp";
                case "avif" -> "image/avif";
                case "svg" -> "image/svg+xml";
                case "bmp" -> "image/bmp";
                default -> null;
            };
            return new Image(url, type);
        }
    }
}
