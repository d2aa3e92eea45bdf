package org.masthead.api;

import java.time.OffsetDateTime;
import java.util.List;

/** One page of the article list, newest first. */
record ArticleListResponse(List<Item> items, int page, int size, long total, int totalPages) {

    record Item(long id, String url, String title, String excerpt, OffsetDateTime publishedAt, OffsetDateTime updatedAt, String channel, String source) {}
}
