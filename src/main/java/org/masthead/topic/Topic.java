package org.masthead.topic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.web.util.UriUtils;

/**
 * A special topic (专题).
 *
 * @param slug its address: {@code /topic/{slug}}
 * @param summary shown under the title; may be empty
 * @param coverImage an http(s) address or a path on this site; null for none
 */
public record Topic(long id, String slug, String title, String summary, String coverImage, Instant createdAt, Instant updatedAt) {

    public String url() {
        return "/topic/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }
}
