package org.masthead.site;

/** An image given with the article that its body does not show; the caption may be null. */
public record FigureView(ImageView image, String caption) {}
