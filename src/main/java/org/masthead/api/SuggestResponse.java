package org.masthead.api;

import java.util.List;

/** Titles for what was typed so far, newest first. */
record SuggestResponse(String query, List<Item> suggestions) {

    record Item(long id, String title, String url) {}
}
