package org.masthead.search;

/** How many of all the hits (not only this page) have this channel or source. */
public record FacetCount(String value, long count) {}
