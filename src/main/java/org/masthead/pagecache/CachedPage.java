package org.masthead.pagecache;

import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;

/**
 * One rendered answer as it went out: status 200, its headers (security headers, Cache-Control, ETag …)
 * and its plain body, and the gzip and brotli bodies made from it as clients ask for them ({@link Encodings}).
 *
 * @param headers as they went out, encoded once here ({@code PreEncodedHttpField}) rather than at every hit
 * @param tags what the page shows (see {@link PageTags}); a change to any of them drops the page
 * @param viewedArticle the article a hit counts a view for, or -1
 */
record CachedPage(
        String contentType,
        List<HttpField> headers,
        String etag,
        String lastModified,
        byte[] body,
        Encodings encodings,
        Set<String> tags,
        long viewedArticle) {

    /** A page with no compressed body made yet. */
    CachedPage(String contentType, List<HttpField> headers, String etag, String lastModified, byte[] body, Set<String> tags, long viewedArticle) {
        this(contentType, headers, etag, lastModified, body, new Encodings(), tags, viewedArticle);
    }

    /** What the page costs in memory, roughly: its bodies made so far and the tags. */
    int weight() {
        return body.length + encodings.bytes() + 64 * tags.size() + 512;
    }

    boolean showsAny(Set<String> dropped) {
        for (String tag : dropped) {
            if (tags.contains(tag)) {
                return true;
            }
        }
        return false;
    }
}
