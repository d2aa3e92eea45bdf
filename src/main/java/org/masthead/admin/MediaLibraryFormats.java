package org.masthead.admin;

import java.util.Locale;

/** Sizes as the media library shows them. */
final class MediaLibraryFormats {

    private MediaLibraryFormats() {}

    /** "850 KB", "2.4 MB". */
    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
