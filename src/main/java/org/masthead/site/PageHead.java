package org.masthead.site;

import java.util.List;

/**
 * What a page tells search engines, link previews and feed readers in its {@code <head>}: all values
 * final, URLs absolute (from the site's base URL), so the layout template only prints them.
 *
 * @param title the document title: the page's title cut to {@link PageHeads#TITLE_CHARS}, then the site name
 * @param description the meta description, at most {@link PageHeads#DESCRIPTION_CHARS} characters
 * @param canonicalUrl this page's address without tracking parameters; null on error pages
 * @param noindex true on pages search engines should not keep (error pages)
 * @param og Open Graph and Twitter card values; null on error pages
 * @param feeds the feeds to announce, the page's own list first
 * @param jsonLd JSON-LD already safe inside {@code <script>} (no {@code <} in it), or null
 */
public record PageHead(
        String title,
        String description,
        String canonicalUrl,
        boolean noindex,
        OpenGraph og,
        List<FeedLink> feeds,
        String jsonLd) {

    /**
     * Open Graph (ogp.me), read by WeChat, Weibo, Facebook and most link previews; Twitter reads the same
     * values and only needs its card type.
     *
     * @param type {@code article} or {@code website}
     * @param image absolute URL of the article's cover or first figure, or null
     * @param publishedTime ISO-8601 with the site zone's offset; null unless an article
     * @param modifiedTime ISO-8601 with offset, never before publishedTime; null unless an article
     * @param section the article's channel name, or null
     */
    public record OpenGraph(
            String type,
            String title,
            String description,
            String url,
            String siteName,
            String locale,
            String image,
            String publishedTime,
            String modifiedTime,
            String section,
            List<String> tags) {

        public String twitterCard() {
            return image == null ? "summary" : "summary_large_image";
        }

        public boolean isArticle() {
            return "article".equals(type);
        }
    }

    /** A feed announced by {@code <link rel="alternate">}; {@code type} is its media type. */
    public record FeedLink(String type, String title, String url) {}
}
