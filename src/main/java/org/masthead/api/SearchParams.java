package org.masthead.api;

import java.time.ZoneId;
import org.masthead.search.SearchQuery;
import org.masthead.search.Visibility;

/**
 * The query parameters the public and the admin search share, bound from the URL as text (so nothing
 * fails before it is checked here) and turned into a {@link SearchQuery}; a bad value is an
 * {@link IllegalArgumentException} naming its field, which {@link SearchErrors} answers with 400.
 */
record SearchParams(String q, String channel, String source, String tag, String from, String to, String sort, String page, String size) {

    SearchQuery query(ZoneId zone, Visibility visibility) {
        return new SearchQuery(q, channel, source, tag, SearchApiController.start("from", from, zone), SearchApiController.end("to", to, zone),
                SearchApiController.order(sort), SearchApiController.number("page", page, 1),
                SearchApiController.number("size", size, SearchQuery.DEFAULT_SIZE), visibility);
    }
}
