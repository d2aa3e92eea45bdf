package org.masthead.channel;

/** A channel (栏目) as other modules see it. */
public record Channel(long id, String name, String slug, int position, Long parentId) {

    public String url() {
        return "/channel/" + org.springframework.web.util.UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
    }
}
