package org.masthead.site;

import java.util.List;

/** The home page: headline list, latest list and a block per channel. */
public record HomePage(SiteLayout layout, List<CardView> headlines, List<CardView> latest, List<ChannelBlock> channels) {

    /** The newest articles of one channel. */
    public record ChannelBlock(String name, String url, List<CardView> items) {}
}
