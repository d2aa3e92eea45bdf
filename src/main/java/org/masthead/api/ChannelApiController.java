package org.masthead.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import org.masthead.article.ArticleRelabelling;
import org.masthead.channel.Channel;
import org.masthead.channel.ChannelEditing;
import org.masthead.channel.ChannelNode;
import org.masthead.channel.Channels;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.Refusal;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Changing the channel tree over the API ({@code taxonomy:write}): create, edit (name, slug, parent), move
 * up or down among siblings, delete. The same services as {@code /admin/channels}, so the rules, the slug
 * history (old addresses answer 301), the audit lines and the events are the same.
 */
@RestController
@RequestMapping(path = "/api/v1/channels", produces = MediaType.APPLICATION_JSON_VALUE)
class ChannelApiController {

    private static final Set<String> FIELDS = Set.of("name", "slug", "parentId");

    private final Channels channels;
    private final ChannelEditing editing;
    private final ArticleRelabelling relabelling;
    private final SiteSettingsStore settings;

    ChannelApiController(Channels channels, ChannelEditing editing, ArticleRelabelling relabelling, SiteSettingsStore settings) {
        this.channels = channels;
        this.editing = editing;
        this.relabelling = relabelling;
        this.settings = settings;
    }

    /** {@code {"name": "财经", "slug": "finance", "parentId": 3}}: slug and parent optional (the slug is made from the name). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TaxonomyResponses.ChannelItem> create(@RequestBody(required = false) JsonNode body, Authentication auth, HttpServletRequest http) {
        JsonNode b = JsonFields.object(body, FIELDS);
        Channel created = editing.create(by(auth, http), JsonFields.text(b, "name"), JsonFields.text(b, "slug"), JsonFields.id(b, "parentId"));
        return ResponseEntity.created(URI.create("/api/v1/channels/" + created.id())).body(item(created.id()));
    }

    /** Changes only the fields given; {@code "parentId": null} moves the channel to the top level. */
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    TaxonomyResponses.ChannelItem edit(@PathVariable long id, @RequestBody(required = false) JsonNode body, Authentication auth, HttpServletRequest http) {
        JsonNode b = JsonFields.object(body, FIELDS);
        Channel current = channels.byId(id).orElseThrow(() -> new Refusal("channel.error.notFound", String.valueOf(id)));
        String name = b.has("name") ? JsonFields.text(b, "name") : current.name();
        String slug = b.has("slug") ? JsonFields.text(b, "slug") : current.slug();
        Long parent = b.has("parentId") ? JsonFields.id(b, "parentId") : current.parentId();
        if (b.has("slug") && (slug == null || slug.isBlank())) {
            throw new Refusal("channel.error.slug", ChannelEditing.MAX_SLUG); // blank keeps the slug in the form; here it is a mistake
        }
        relabelling.editChannel(by(auth, http), id, name, slug, parent);
        return item(id);
    }

    /** {@code {"direction": "up"}} or {@code "down"}: swaps with the neighbouring sibling; at either end nothing moves. */
    @PostMapping(path = "/{id}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    TaxonomyResponses.ChannelItem move(@PathVariable long id, @RequestBody(required = false) JsonNode body, Authentication auth, HttpServletRequest http) {
        String direction = JsonFields.text(JsonFields.object(body, Set.of("direction")), "direction");
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw new Refusal("channel.error.direction");
        }
        editing.move(by(auth, http), id, direction.equals("up"));
        return item(id);
    }

    /** Deletes a channel without child channels; its articles, if any, go to {@code moveTo} (required then). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Long moveTo, Authentication auth, HttpServletRequest http) {
        relabelling.deleteChannel(by(auth, http), id, moveTo);
        return ResponseEntity.noContent().build();
    }

    private TaxonomyResponses.ChannelItem item(long id) {
        String base = settings.current().baseUrl();
        ChannelNode n = channels.tree().stream().filter(c -> c.channel().id() == id).findFirst()
                .orElseThrow(() -> new Refusal("channel.error.notFound", String.valueOf(id)));
        return new TaxonomyResponses.ChannelItem(id, n.channel().name(), n.channel().slug(), base + n.channel().url(), n.channel().parentId(), n.depth());
    }

    /** Who acts, for the audit trail: the user of the session, token or HTTP Basic, and the client's address. */
    static AdminAudit.By by(Authentication auth, HttpServletRequest http) {
        if (auth == null || !auth.isAuthenticated()) {
            throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("authentication required");
        }
        return new AdminAudit.By(auth.getName(), http.getRemoteAddr());
    }
}
