package org.masthead.admin.taxonomy;

import java.util.List;
import org.masthead.admin.AdminLayout;

/**
 * {@code /admin/channels}: the channel tree in display order with move up/down, and the form for a new channel.
 *
 * @param rows every channel, parents before their children
 * @param parents the choices for "parent" (top level first)
 * @param newName what was typed into the new-channel form, kept after an error
 */
public record ChannelsPage(AdminLayout layout, List<Row> rows, List<Option> parents, String error, String notice, String newName, String newSlug,
        String newParent, List<String> history) {

    /** @param first the first among its siblings (cannot move up); @param last the last (cannot move down) */
    public record Row(long id, String name, String slug, String url, int depth, long articles, boolean first, boolean last) {}

    /** A choice in a select: value and label (indented by depth). */
    public record Option(String value, String label) {}
}
