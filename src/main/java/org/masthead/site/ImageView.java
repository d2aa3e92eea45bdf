package org.masthead.site;

/**
 * An {@code <img>} as a page shows it ({@code component/image.jte}). For an image of the media library it
 * names its thumbnails ({@code srcset}), the width it takes on the page ({@code sizes}) and its
 * dimensions, so the browser fetches no more pixels than it shows and keeps its place before it arrives;
 * any other image has its address only.
 *
 * @param srcset null for an image that is not the library's
 * @param sizes null with srcset
 * @param width null when unknown
 * @param height null when unknown
 * @param lazy whether loading waits until the image nears the screen (not for the first image of a page)
 * @param async whether decoding may happen off the main thread (images below the first)
 */
public record ImageView(String src, String srcset, String sizes, Integer width, Integer height, String alt, boolean lazy, boolean async) {

    /** An image from elsewhere, shown as before: its address, lazily. */
    static ImageView external(String url, String alt) {
        return new ImageView(url, null, null, null, null, alt, true, false);
    }
}
