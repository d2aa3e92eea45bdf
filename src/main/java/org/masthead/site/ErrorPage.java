package org.masthead.site;

/** The page for a missing address (404) or a failure (500): a real page of the site with its navigation. */
public record ErrorPage(SiteLayout layout, int status, String heading, String message) {}
