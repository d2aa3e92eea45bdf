package org.masthead.site;

/** A named link on a page. */
public record Link(String name, String url) {}
