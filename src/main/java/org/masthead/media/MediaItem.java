package org.masthead.media;

import java.time.Instant;
import java.util.Map;

/**
 * An image of the library, as other modules see it.
 *
 * @param hash SHA-256 of the stored file, hex: also its name, so its URLs never change content
 * @param filename the uploader's file name, cleaned, for display only (never used to store or serve)
 * @param mime what the stored file is: image/jpeg or image/png
 * @param width width in pixels, after the EXIF orientation was applied
 * @param bytes size of the stored file
 * @param uploadedBy the user name of who uploaded it
 * @param url its public address, {@code /media/ab/abcdef….jpg}
 * @param thumbnails for each thumbnail width, its address; a width the image does not exceed points
 *     at the image itself (pictures are never scaled up)
 */
public record MediaItem(long id, String hash, String filename, String mime, int width, int height, long bytes, String uploadedBy, Instant uploadedAt,
        String alt, String url, Map<Integer, String> thumbnails) {}
