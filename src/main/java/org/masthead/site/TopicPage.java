package org.masthead.site;

import java.util.List;

/**
 * A special topic (专题): title, summary, cover and its visible articles in the editors' order, grouped
 * under their sections.
 *
 * @param cover null for none
 */
public record TopicPage(SiteLayout layout, String title, String summary, ImageView cover, List<Section> sections, List<CardView> headlines) {

    /** Consecutive articles under one heading; {@code heading} null for those before any section. */
    public record Section(String heading, List<CardView> items) {}

    public boolean isEmpty() {
        return sections.isEmpty();
    }
}
