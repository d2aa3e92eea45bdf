package org.masthead.article;

/**
 * Which articles a list shows; null fields do not filter. {@code publicOnly} limits to what readers
 * may see now (published, publish time reached).
 */
public record ArticleFilter(Long channelId, Long sourceId, Long tagId, String author, ArticleStatus status, boolean publicOnly) {

    public static ArticleFilter visible() {
        return new ArticleFilter(null, null, null, null, null, true);
    }

    public ArticleFilter inChannel(long id) {
        return new ArticleFilter(id, sourceId, tagId, author, status, publicOnly);
    }

    public ArticleFilter fromSource(long id) {
        return new ArticleFilter(channelId, id, tagId, author, status, publicOnly);
    }

    public ArticleFilter taggedWith(long id) {
        return new ArticleFilter(channelId, sourceId, id, author, status, publicOnly);
    }

    public ArticleFilter byAuthor(String name) {
        return new ArticleFilter(channelId, sourceId, tagId, name, status, publicOnly);
    }
}
