package org.masthead.channel;

import java.time.Instant;

/** A channel was added, renamed, given another slug, moved in the tree or deleted: every page's navigation is out of date. */
public record ChannelsChanged(long channelId, Instant at) {}
