package org.masthead.admin.article;

import java.util.List;
import org.masthead.admin.AdminLayout;
import org.masthead.article.Figure;

/**
 * {@code /admin/articles/new} and {@code /admin/articles/{id}/edit}: the form, the workflow buttons the
 * rules allow this user, and links to the preview and the revisions.
 *
 * @param id null for a new article
 * @param error a message about the form or the last action, or null; {@code errorField} names the field
 * @param actions workflow buttons, in the order of the workflow
 * @param scheduleAt the value the schedule field starts with ({@code datetime-local}, site zone)
 * @param suggestedSummary an extractive summary of the text (enrichment's, or made from the body), or null
 * @param csrfHeader the header name for the token, for the editor's image upload
 */
public record ArticleEditorPage(
        AdminLayout layout,
        Long id,
        String status,
        String statusLabel,
        String createdBy,
        String published,
        ArticleForm form,
        List<Figure> figureRows,
        List<ArticleListPage.Option> channels,
        List<String> tagChoices,
        String error,
        String errorField,
        String notice,
        boolean editable,
        List<Action> actions,
        String scheduleAt,
        String suggestedSummary,
        String publicUrl,
        String quillJs,
        String quillCss,
        String editorJs,
        String csrfHeader) {

    /** A workflow button: posts to {@code /admin/articles/{id}/{code}}. */
    public record Action(String code, String label, boolean danger) {}

    public boolean isNew() {
        return id == null;
    }

    public boolean can(String code) {
        return actions.stream().anyMatch(a -> a.code().equals(code));
    }

    /** The new draft's publish time as typed, if a {@code datetime-local} can show it ("" otherwise: the error quotes it). */
    public String publishAtValue() {
        return localDateTime(form.publishAt());
    }

    public String scheduleAtValue() {
        return localDateTime(scheduleAt);
    }

    private static String localDateTime(String value) {
        try {
            if (value == null || value.isBlank()) {
                return "";
            }
            java.time.LocalDateTime.parse(value.strip());
            return value.strip();
        } catch (java.time.format.DateTimeParseException e) {
            return "";
        }
    }

    public String fieldError(String field) {
        return field.equals(errorField) ? error : null;
    }
}
