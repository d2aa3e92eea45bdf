package org.masthead.article;

import java.util.List;
import java.util.Map;

/** The visible articles of some flags, each list newest-flagged first. */
public record FlaggedLists(Map<ArticleFlag, List<ArticleCard>> lists) {

    public List<ArticleCard> of(ArticleFlag flag) {
        return lists.getOrDefault(flag, List.of());
    }
}
