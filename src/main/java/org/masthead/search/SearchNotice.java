package org.masthead.search;

/**
 * Why part of a query was not used. A code rather than a sentence, so the site can say it in the
 * reader's language; {@link #text()} is the Chinese sentence the API sends.
 */
public enum SearchNotice {
    /** More than {@link UserQuery#MAX_PARTS} words and phrases: only the first ones were searched for. */
    WORDS_LIMITED("只使用了前 " + UserQuery.MAX_PARTS + " 个词"),
    /** Some words held nothing the analyzer indexes (only punctuation or symbols) and were left out. */
    PART_IGNORED("部分输入没有可搜索的字词，已忽略"),
    /** Nothing in the query can be searched for (only symbols, or only exclusions). */
    NOTHING_SEARCHABLE("没有可搜索的词");

    private final String text;

    SearchNotice(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
