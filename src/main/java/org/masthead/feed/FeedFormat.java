package org.masthead.feed;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The three feed formats, each at its own file name under a list's address. */
enum FeedFormat {
    RSS("feed.xml", MediaType.parseMediaType("application/rss+xml;charset=UTF-8")),
    ATOM("atom.xml", MediaType.parseMediaType("application/atom+xml;charset=UTF-8")),
    JSON("feed.json", MediaType.parseMediaType("application/feed+json"));

    private final String fileName;
    private final MediaType mediaType;

    FeedFormat(String fileName, MediaType mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    String fileName() {
        return fileName;
    }

    MediaType mediaType() {
        return mediaType;
    }

    static Optional<FeedFormat> ofFileName(String name) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(name)).findFirst();
    }
}
