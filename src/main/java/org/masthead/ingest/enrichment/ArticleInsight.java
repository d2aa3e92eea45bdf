package org.masthead.ingest.enrichment;

import java.util.List;

/**
 * What enrichment found out about one article.
 *
 * @param storyId the story cluster it belongs to, shared by every near-duplicate of it
 * @param primaryArticleId the cluster's primary article: the one published first
 * @param summary extractive summary of its text, spans of the text exactly as written
 * @param keywords suggested tags, best first, as written in the text
 * @param qualityScore the spam/advertorial score ({@link org.masthead.text.Quality})
 * @param flagged whether the score says: review before publishing
 * @param reasons message keys ({@code quality.reason.*}) of the signals that scored
 */
public record ArticleInsight(
        long articleId,
        long storyId,
        long primaryArticleId,
        String summary,
        List<String> keywords,
        int qualityScore,
        boolean flagged,
        List<String> reasons) {

    public ArticleInsight {
        keywords = List.copyOf(keywords);
        reasons = List.copyOf(reasons);
    }
}
