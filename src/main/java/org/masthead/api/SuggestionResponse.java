package org.masthead.api;

import java.util.List;
import org.masthead.ingest.enrichment.ArticleInsight;

/**
 * What text analysis suggests for one article, for editors: tags, a summary, its story cluster and the
 * quality verdict ({@code flagged}: likely advertising or content-farm filler, to review before publishing;
 * {@code reasons} are message keys such as {@code quality.reason.hospital-ad}).
 */
record SuggestionResponse(long articleId, long storyId, long primaryArticleId, List<String> tags, String summary, Quality quality,
        List<Long> sameStory) {

    record Quality(int score, boolean flagged, List<String> reasons) {}

    static SuggestionResponse of(ArticleInsight i, List<Long> sameStory) {
        return new SuggestionResponse(i.articleId(), i.storyId(), i.primaryArticleId(), i.keywords(), i.summary(),
                new Quality(i.qualityScore(), i.flagged(), i.reasons()), sameStory);
    }
}
