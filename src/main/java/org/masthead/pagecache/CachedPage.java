package org.masthead.pagecache;

import java.util.List;
import java.util.Set;

/**
 * One rendered answer as it went out: status 200, its headers (security headers, Cache-Control, ETag …)
 * and its body, plain and gzipped (null when gzip would not be smaller).
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
        Set<String> tags,
        long viewedArticle) {

    record Header(String name, String value) {}

    /** What the page costs in memory, roughly: both bodies and the tags. */
    int weight() {
        return body.length + (gzipped == null ? 0 : gzipped.length) + 64 * tags.size() + 512;
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
