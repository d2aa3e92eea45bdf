package org.masthead.source;

/** A publisher (来源) as other modules see it; the homepage may be null. */
public record Source(long id, String name, String homepage) {

    public String url() {
        return "/source/" + id;
    }
}
