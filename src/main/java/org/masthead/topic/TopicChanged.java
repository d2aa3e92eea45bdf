package org.masthead.topic;

import java.util.Set;

/** A topic's page changed: its fields, its articles or their order. {@code slugs} holds the old slug too after a rename. */
public record TopicChanged(Set<String> slugs) {}
