package org.masthead.admin.taxonomy;

import java.util.List;
import org.masthead.admin.AdminLayout;

/**
 * {@code /admin/channels/{id}}: rename, change the slug or parent, and delete (moving its articles to another channel).
 *
 * @param name the name in the form (typed, after an error)
 * @param parents choices for the parent: top level, and every channel that is not this one or below it
 * @param moveTargets choices for "move its articles to": every other channel
 */
public record ChannelPage(AdminLayout layout, long id, String name, String slug, String parent, String url, long articles, int children,
        List<ChannelsPage.Option> parents, List<ChannelsPage.Option> moveTargets, String error) {}
