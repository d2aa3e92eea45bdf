package org.masthead.topic;

/** A topic as an editor submits it; {@link TopicEditing} checks it. */
public record TopicDraft(String slug, String title, String summary, String coverImage) {}
