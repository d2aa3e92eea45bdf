package org.masthead.source;

/**
 * A source as its editors manage it: name, homepage and logo (both may be null). {@link Source} is the
 * slimmer view the rest of the site uses for credit lines.
 */
public record SourceProfile(long id, String name, String homepage, String logoUrl) {

    public String url() {
        return "/source/" + id;
    }
}
