package org.masthead.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One line of the JSON Lines interchange format, as written (see docs/import-format.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ImportRecord(
        String title,
        String subtitle,
        String body,
        String bodyFormat,
        String publishedAt,
        String summary,
        String source,
        String sourceUrl,
        String originalUrl,
        List<String> authors,
        String channel,
        List<String> tags,
        String coverImage,
        List<ImageRecord> images) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImageRecord(String url, String caption) {}
}
