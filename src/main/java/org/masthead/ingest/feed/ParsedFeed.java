package org.masthead.ingest.feed;

import java.util.List;

/** A feed as read: its format (rss_2.0, atom_1.0, json_1.1 …), title, home link and items. */
public record ParsedFeed(String format, String title, String link, List<FeedItem> items) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}
