package org.masthead.admin;

/**
 * The add and edit forms of {@code /admin/sources}: what the editor typed, kept after an error.
 * {@code pollMinutes} stays text so that a wrong value comes back as typed, with a message.
 *
 * @param logoMedia the id of a media library image picked as the logo (it replaces {@code logoUrl}), or blank
 */
public record SourceForm(String name, String homepage, String logoUrl, String feedUrl, String pollMinutes, String logoMedia) {

    static SourceForm empty() {
        return new SourceForm("", "", "", "", "30", "");
    }

    SourceForm orBlanks() {
        return new SourceForm(blank(name), blank(homepage), blank(logoUrl), blank(feedUrl), pollMinutes == null || pollMinutes.isBlank() ? "30" : pollMinutes,
                blank(logoMedia));
    }

    /** The form with the logo address replaced (by a picked library image's). */
    SourceForm withLogo(String url) {
        return new SourceForm(name, homepage, url, feedUrl, pollMinutes, "");
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
