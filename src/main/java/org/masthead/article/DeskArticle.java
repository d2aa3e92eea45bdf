package org.masthead.article;

import java.util.Set;

/**
 * One article opened in the editor: what it shows, its content as the editor's form holds it, who
 * created it, and the workflow actions the rules let this actor try from its state.
 *
 * @param actions transitions ({@link ArticleAction#SUBMIT} … {@link ArticleAction#REOPEN}) and
 *     {@link ArticleAction#DELETE} this actor may do now; one refused only for an empty body is included,
 *     so the button is there and says why when pressed
 * @param editable whether this actor may change its content
 */
public record DeskArticle(ArticleDetail detail, ArticleDraft content, String createdBy, Set<ArticleAction> actions, boolean editable) {}
