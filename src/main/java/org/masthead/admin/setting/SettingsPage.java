package org.masthead.admin.setting;

import java.util.List;
import org.masthead.admin.AdminLayout;
import org.masthead.admin.LogoChoices;

/**
 * {@code /admin/settings}: one form with every site setting, each field with its error beside it.
 *
 * @param fields the single-value fields in form order, with what was typed (kept after an error)
 * @param links the 友情链接 rows: those typed, then a few blank ones to add more without JavaScript
 * @param linksError what is wrong with the list as a whole (too many), or null
 * @param error a summary above the form when any field is wrong, or null
 * @param notice what the last save did, or null
 * @param history the newest settings changes: who, when, which settings
 * @param logoChoices the newest images of the media library, to pick the logo from (empty: the library is empty)
 * @param logoChoiceError why the picked image cannot be used (gone from the library), or null
 */
public record SettingsPage(AdminLayout layout, List<Field> fields, List<LinkRow> links, String linksError, String error, String notice, List<String> history,
        List<LogoChoices.Choice> logoChoices, String logoChoiceError) {

    /**
     * @param type the input type (text, email, url; number is sent as text with a numeric keyboard, so a wrong entry is shown back as typed)
     * @param hint the rule or an example, always shown; null for none
     * @param error what is wrong with the typed value, or null
     */
    public record Field(String name, String label, String value, String type, boolean required, int maxLength, String hint, String error) {

        public String errorId() {
            return name + "-error";
        }

        public String describedBy() {
            String ids = (hint == null ? "" : name + "-hint ") + (error == null ? "" : errorId());
            return ids.isBlank() ? null : ids.strip();
        }
    }

    /** @param index 1-based, for labels; @param error what is wrong with this row, or null */
    public record LinkRow(int index, String name, String url, String error) {}
}
