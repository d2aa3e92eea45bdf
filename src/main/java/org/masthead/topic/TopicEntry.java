package org.masthead.topic;

/**
 * An article in a topic, in the editors' order.
 *
 * @param section the heading it is listed under; null for none (articles before any section)
 */
public record TopicEntry(long articleId, int position, String section) {}
