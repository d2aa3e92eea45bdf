package org.masthead.ingest.enrichment;

/**
 * An article joined a story cluster (a new one, or another than before), published in the transaction
 * that saved the article and delivered after it commits. Search re-reads the article so the index
 * collapses it with the story's other members.
 *
 * @param previousStoryId the story it left, or null when it had none
 */
public record StoryAssigned(long articleId, long storyId, Long previousStoryId) {}
