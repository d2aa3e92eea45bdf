package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/media}: the media library as a grid of thumbnails, newest first, with the upload form.
 *
 * @param maxSize the upload limit in words ("10 MB")
 */
public record MediaPage(AdminLayout layout, List<Tile> tiles, int page, int totalPages, long total, String previousUrl, String nextUrl, String error,
        String notice, String maxSize) {

    /**
     * One image.
     *
     * @param thumbnailUrl the smallest thumbnail, for the grid
     * @param url the full image's address, to copy into an article
     * @param details dimensions, size, who uploaded it and when, in words
     */
    public record Tile(long id, String filename, String alt, String thumbnailUrl, String url, String details) {}
}
