package org.masthead.channel;

/** A channel in the tree, in display order: {@code depth} 0 for a top-level channel, 1 for its children … */
public record ChannelNode(Channel channel, int depth) {}
