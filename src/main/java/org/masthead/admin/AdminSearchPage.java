package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/search}: search over every article whatever its status, and the search index's
 * rebuild. Every text is in the reader's language and every link written, so the template only prints.
 *
 * @param problems what is wrong with the parameters (the page answers 400); empty when nothing
 * @param results null when no search ran
 * @param rebuild the index's rebuild panel
 */
public record AdminSearchPage(AdminLayout layout, Fields fields, List<Option> statuses, List<Option> sorts, List<String> problems,
        Results results, Rebuild rebuild) {

    /** One choice of a {@code <select>}. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * @param summary how many results and articles
     * @param empty the message when nothing was found, else null
     * @param previousUrl null on the first page
     * @param nextUrl null on the last
     */
    public record Results(String summary, String took, String empty, List<Row> rows, String position, String previousUrl, String nextUrl) {}

    /**
     * One result. {@code titleHtml} is HTML from the search index (matches in {@code <mark>}, the rest
     * escaped); {@code url} is the public page, null for articles readers cannot open.
     *
     * @param flagged the quality check's verdict, in words; null when not flagged
     * @param story 另有 N 家媒体报道 or similar; null when the article is alone
     */
    public record Row(long id, String titleHtml, String url, String snippetHtml, String status, String source, String channel, String time,
            String flagged, String story) {}

    /**
     * @param allowed whether the user may start a rebuild (search:admin)
     * @param notice what the last button press did; null when none
     * @param state what runs now or how the last rebuild ended, in words
     */
    public record Rebuild(boolean allowed, boolean running, String notice, String state, String last) {}

    /** The form's values as typed ("" for none). */
    public record Fields(String q, String channel, String source, String tag, String from, String to) {}
}
