package org.masthead.search;

/** A title offered while the user types, with the article it belongs to. */
public record Suggestion(long id, String title, String url) {}
