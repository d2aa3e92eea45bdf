package org.masthead.article;

/** An image shown with the article, with its caption (e.g. 【资料图】); the caption may be null. */
public record Figure(String url, String caption) {}
