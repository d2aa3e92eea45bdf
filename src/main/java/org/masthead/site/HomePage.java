package org.masthead.site;

import java.util.List;

/**
 * The home page: the editors' headlines (头条) and recommended articles (推荐), the most-read list, the
 * latest list and a block per channel.
 *
 * @param headlines the most read (the sidebar)
 * @param topStories articles editors flagged as headline, newest-flagged first
 * @param recommended articles editors flagged as recommended
 */
public record HomePage(SiteLayout layout, List<CardView> headlines, List<CardView> latest, List<ChannelBlock> channels, List<CardView> topStories,
        List<CardView> recommended) {

    /** The newest articles of one channel. */
    public record ChannelBlock(String name, String url, List<CardView> items) {}
}
