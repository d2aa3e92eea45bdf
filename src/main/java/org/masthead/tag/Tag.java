package org.masthead.tag;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/** A tag (标签) as other modules see it. */
public record Tag(long id, String name) {

    public String url() {
        return "/tag/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }
}
