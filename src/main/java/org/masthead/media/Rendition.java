package org.masthead.media;

import java.util.List;

/**
 * A library image and the thumbnails that exist of it, for a page's {@code <img srcset>}: the files a
 * browser may choose from, narrowest first, the image itself last.
 *
 * @param url the image itself, {@code /media/ab/abcdef….jpg}
 * @param width its width in pixels
 * @param height its height in pixels
 * @param alt the alt text given at upload, "" for none
 * @param thumbnails the narrower files stored for it, narrowest first (none when the image is no wider
 *     than the smallest thumbnail width)
 */
public record Rendition(String url, int width, int height, String alt, List<Thumbnail> thumbnails) {

    /** A scaled copy: its address and width in pixels (its height is in the image's proportion). */
    public record Thumbnail(String url, int width) {}

    public Rendition {
        thumbnails = List.copyOf(thumbnails);
    }

    /** {@code "/media/ab/…-320.jpg 320w, /media/ab/…-640.jpg 640w, /media/ab/….jpg 1400w"}. */
    public String srcset() {
        StringBuilder srcset = new StringBuilder(80 * (thumbnails.size() + 1));
        for (Thumbnail thumbnail : thumbnails) {
            srcset.append(thumbnail.url()).append(' ').append(thumbnail.width()).append("w, ");
        }
        return srcset.append(url).append(' ').append(width).append('w').toString();
    }

    /** The narrowest file at least this wide, or the image itself when none is: the {@code src} of a small picture. */
    public String atLeast(int minWidth) {
        for (Thumbnail thumbnail : thumbnails) {
            if (thumbnail.width() >= minWidth) {
                return thumbnail.url();
            }
        }
        return url;
    }
}
