package org.masthead.site;

import java.util.List;

/** The list of special topics (专题), newest first. */
public record TopicsPage(SiteLayout layout, List<Item> topics, List<CardView> headlines) {

    /** @param coverUrl null for none */
    public record Item(String title, String url, String summary, String coverUrl) {}
}
