package org.masthead.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.masthead.article.ArticleRelabelling;
import org.masthead.platform.Refusal;
import org.masthead.setting.SiteSettingsStore;
import org.masthead.tag.Tag;
import org.masthead.tag.Tags;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Renaming, merging and deleting tags over the API ({@code taxonomy:write}), through the same service as
 * {@code /admin/tags}: an old name stays an alias ({@code /tag/old} answers 301), each change is audited.
 */
@RestController
@RequestMapping(path = "/api/v1/tags", produces = MediaType.APPLICATION_JSON_VALUE)
class TagApiController {

    private final Tags tags;
    private final ArticleRelabelling relabelling;
    private final SiteSettingsStore settings;

    TagApiController(Tags tags, ArticleRelabelling relabelling, SiteSettingsStore settings) {
        this.tags = tags;
        this.relabelling = relabelling;
        this.settings = settings;
    }

    /** {@code {"name": "新名字"}}; a name another tag has is refused (409: merge instead). */
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    TaxonomyResponses.TagItem rename(@PathVariable long id, @RequestBody(required = false) JsonNode body, Authentication auth, HttpServletRequest http) {
        String name = JsonFields.text(JsonFields.object(body, Set.of("name")), "name");
        return item(relabelling.renameTag(ChannelApiController.by(auth, http), id, name));
    }

    /** {@code {"into": 12}} or {@code {"into": "两会"}}: the tag's articles get the other one, which is answered. */
    @PostMapping(path = "/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    TaxonomyResponses.TagItem merge(@PathVariable long id, @RequestBody(required = false) JsonNode body, Authentication auth, HttpServletRequest http) {
        JsonNode into = JsonFields.object(body, Set.of("into")).get("into");
        long target;
        if (into != null && into.isIntegralNumber() && into.canConvertToLong()) {
            target = into.asLong();
        } else if (into != null && into.isString()) {
            target = tags.byName(into.asString().strip()).orElseThrow(() -> new Refusal("tag.error.noSuchTarget", into.asString().strip())).id();
        } else {
            throw new IllegalArgumentException("into: the id or the name of the tag to merge into");
        }
        return item(relabelling.mergeTags(ChannelApiController.by(auth, http), id, target));
    }

    /** Deletes a tag no article carries (409 with the count otherwise). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Authentication auth, HttpServletRequest http) {
        relabelling.deleteTag(ChannelApiController.by(auth, http), id);
        return ResponseEntity.noContent().build();
    }

    private TaxonomyResponses.TagItem item(Tag tag) {
        return new TaxonomyResponses.TagItem(tag.id(), tag.name(), settings.current().baseUrl() + tag.url());
    }
}
