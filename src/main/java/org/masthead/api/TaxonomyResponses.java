package org.masthead.api;

import java.util.List;

/** The channel tree and the tag list as the API answers them. */
final class TaxonomyResponses {

    private TaxonomyResponses() {}

    /** A channel in tree order: {@code depth} 0 at the top; {@code parentId} null there. */
    record ChannelItem(long id, String name, String slug, String url, Long parentId, int depth) {}

    record Channels(List<ChannelItem> items) {}

    /** No article count: it would count unpublished articles too, which the public API does not reveal. */
    record TagItem(long id, String name, String url) {}

    record Tags(List<TagItem> items, int page, int size, long total, int totalPages) {}
}
