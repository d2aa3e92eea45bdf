package org.masthead.pagecache;

import java.util.List;
import java.util.Set;

/**
 * One rendered answer as it went out: status 200, its headers (security headers, Cache-Control, ETag …)
 * and its body, plain, gzipped (null when gzip would not be smaller) and in brotli (null until the
 * background encoder has made it, see {@link BrotliVariants}, or when it would not be smaller).
 *
 * @param tags what the page shows (see {@link PageTags}); a change to any of them drops the page
 * @param viewedArticle the article a hit counts a view for, or -1
 */
record CachedPage(
        String contentType,
        List<Header> headers,
        String etag,
        String lastModified,
        byte[] body,
        byte[] gzipped,
        byte[] brotli,
        Set<String> tags,
        long viewedArticle) {

    CachedPage withBrotli(byte[] br) {
        return new CachedPage(contentType, headers, etag, lastModified, body, gzipped, br, tags, viewedArticle);
    }

    record Header(String name, String value) {}

    /** What the page costs in memory, roughly: its bodies and the tags. */
    int weight() {
        return body.length + (gzipped == null ? 0 : gzipped.length) + (brotli == null ? 0 : brotli.length) + 64 * tags.size() + 512;
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
