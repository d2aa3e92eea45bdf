package org.masthead.admin.taxonomy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.masthead.account.SignedInUser;
import org.masthead.admin.AdminLayouts;
import org.masthead.article.ArticleRelabelling;
import org.masthead.article.TaxonomyUsage;
import org.masthead.channel.Channel;
import org.masthead.channel.ChannelEditing;
import org.masthead.channel.ChannelNode;
import org.masthead.channel.Channels;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.Messages;
import org.masthead.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/channels}: the channel tree. Every change is a plain form (no JavaScript needed) that
 * redirects back to the list, which names what was done; a refusal shows the form again with the reason.
 */
@Controller
class ChannelAdminController {

    private final AdminLayouts layouts;
    private final Channels channels;
    private final ChannelEditing editing;
    private final ArticleRelabelling relabelling;
    private final TaxonomyUsage usage;
    private final AdminAudit audit;

    ChannelAdminController(AdminLayouts layouts, Channels channels, ChannelEditing editing, ArticleRelabelling relabelling, TaxonomyUsage usage,
            AdminAudit audit) {
        this.layouts = layouts;
        this.channels = channels;
        this.editing = editing;
        this.relabelling = relabelling;
        this.usage = usage;
        this.audit = audit;
    }

    @GetMapping("/admin/channels")
    ModelAndView list(HttpServletRequest request, @RequestParam(required = false) String done) {
        return list(request, null, AdminRequests.notice(layouts.messages(), "channel.done.", done), "", "", "", HttpStatus.OK);
    }

    @PostMapping("/admin/channels")
    ModelAndView create(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String parent) {
        try {
            editing.create(AdminRequests.by(me, request), name, slug, AdminRequests.optionalId(parent, "channel.error.notFound"));
            return done("created");
        } catch (Refusal e) {
            return list(request, e.text(layouts.messages()), null, name, slug, parent, HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/admin/channels/{id}/move")
    ModelAndView move(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String direction) {
        try {
            if (!direction.equals("up") && !direction.equals("down")) {
                throw new Refusal("channel.error.direction");
            }
            editing.move(AdminRequests.by(me, request), id, direction.equals("up"));
            return done("moved");
        } catch (Refusal e) {
            return list(request, e.text(layouts.messages()), null, "", "", "", HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/admin/channels/{id}")
    ModelAndView edit(HttpServletRequest request, @PathVariable long id) {
        return channels.byId(id)
                .map(c -> edit(request, c, c.name(), c.slug(), c.parentId() == null ? "" : String.valueOf(c.parentId()), null, HttpStatus.OK))
                .orElseGet(() -> list(request, layouts.messages().get("channel.error.notFound", String.valueOf(id)), null, "", "", "", HttpStatus.NOT_FOUND));
    }

    @PostMapping("/admin/channels/{id}")
    ModelAndView save(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String parent) {
        try {
            relabelling.editChannel(AdminRequests.by(me, request), id, name, slug, AdminRequests.optionalId(parent, "channel.error.notFound"));
            return done("edited");
        } catch (Refusal e) {
            return channels.byId(id)
                    .map(c -> edit(request, c, name, slug, parent, e.text(layouts.messages()), HttpStatus.BAD_REQUEST))
                    .orElseGet(() -> list(request, e.text(layouts.messages()), null, "", "", "", HttpStatus.NOT_FOUND));
        }
    }

    @PostMapping("/admin/channels/{id}/delete")
    ModelAndView delete(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String moveTo) {
        try {
            relabelling.deleteChannel(AdminRequests.by(me, request), id, AdminRequests.optionalId(moveTo, "channel.error.notFound"));
            return done("deleted");
        } catch (Refusal e) {
            return channels.byId(id)
                    .map(c -> edit(request, c, c.name(), c.slug(), c.parentId() == null ? "" : String.valueOf(c.parentId()), e.text(layouts.messages()),
                            HttpStatus.CONFLICT))
                    .orElseGet(() -> list(request, e.text(layouts.messages()), null, "", "", "", HttpStatus.NOT_FOUND));
        }
    }

    private static ModelAndView done(String what) {
        return new ModelAndView("redirect:/admin/channels?done=" + what);
    }

    private ModelAndView list(HttpServletRequest request, String error, String notice, String newName, String newSlug, String newParent, HttpStatus status) {
        Messages msg = layouts.messages();
        List<ChannelNode> tree = channels.tree();
        Map<Long, Long> counts = usage.articlesPerChannel();
        List<ChannelsPage.Row> rows = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            Channel c = tree.get(i).channel();
            boolean first = tree.subList(0, i).stream().noneMatch(n -> Objects.equals(n.channel().parentId(), c.parentId()));
            boolean last = tree.subList(i + 1, tree.size()).stream().noneMatch(n -> Objects.equals(n.channel().parentId(), c.parentId()));
            rows.add(new ChannelsPage.Row(c.id(), c.name(), c.slug(), c.url(), tree.get(i).depth(), counts.getOrDefault(c.id(), 0L), first, last));
        }
        ChannelsPage page = new ChannelsPage(layouts.layout(request, "channels", msg.get("admin.nav.channels")), rows, options(tree, Set.of(), true),
                error, notice, newName, newSlug, newParent, AdminRequests.history(audit, layouts, "channel."));
        return view("admin/taxonomy/channels", page, status);
    }

    private ModelAndView edit(HttpServletRequest request, Channel channel, String name, String slug, String parent, String error, HttpStatus status) {
        Messages msg = layouts.messages();
        List<ChannelNode> tree = channels.tree();
        // Not itself, nor anything below it: a channel cannot be put under its own child.
        Set<Long> below = new HashSet<>(Set.of(channel.id()));
        for (ChannelNode n : tree) {
            if (n.channel().parentId() != null && below.contains(n.channel().parentId())) {
                below.add(n.channel().id());
            }
        }
        int children = (int) tree.stream().filter(n -> Objects.equals(n.channel().parentId(), channel.id())).count();
        List<ChannelsPage.Option> targets = options(tree, Set.of(channel.id()), false);
        ChannelPage page = new ChannelPage(layouts.layout(request, "channels", msg.get("channel.edit.title", channel.name())), channel.id(), name, slug,
                parent, channel.url(), usage.articlesPerChannel().getOrDefault(channel.id(), 0L), children, options(tree, below, true), targets, error);
        return view("admin/taxonomy/channel", page, status);
    }

    /** The tree as select options, indented by depth; {@code topLevel} adds "none" first. */
    private List<ChannelsPage.Option> options(List<ChannelNode> tree, Set<Long> excluded, boolean topLevel) {
        List<ChannelsPage.Option> options = new ArrayList<>();
        if (topLevel) {
            options.add(new ChannelsPage.Option("", layouts.messages().get("channel.parent.none")));
        }
        for (ChannelNode n : tree) {
            if (!excluded.contains(n.channel().id())) {
                options.add(new ChannelsPage.Option(String.valueOf(n.channel().id()), "　".repeat(n.depth()) + n.channel().name()));
            }
        }
        return options;
    }

    private static ModelAndView view(String name, Object page, HttpStatus status) {
        ModelAndView view = new ModelAndView(name, Map.of("page", page));
        view.setStatus(status);
        return view;
    }
}
