package org.masthead.topic;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Special topics as the site, the sitemap and the page cache read them. */
@Service
public class Topics {

    private final TopicRepository topics;

    Topics(TopicRepository topics) {
        this.topics = topics;
    }

    public Optional<Topic> bySlug(String slug) {
        return topics.bySlug(slug);
    }

    /** The topic that had this slug before it was renamed, for the 301 from its old address. */
    public Optional<Topic> formerSlug(String slug) {
        return topics.formerSlug(slug);
    }

    public Optional<Topic> byId(long id) {
        return topics.byId(id);
    }

    /** Every topic, newest first. */
    public List<Topic> all() {
        return topics.all();
    }

    /** The topic's articles in the editors' order, of any state (the site shows the visible ones). */
    public List<TopicEntry> entries(long topicId) {
        return topics.entries(topicId);
    }

    /** The slugs of the topics an article is in: their pages change when it joins or leaves what readers see. */
    public List<String> slugsContaining(long articleId) {
        return topics.slugsContaining(articleId);
    }
}
