package org.masthead.api;

import java.util.Map;
import org.masthead.article.TaxonomyUsage;
import org.masthead.channel.Channels;
import org.masthead.platform.PageSlice;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/channels} (the tree in display order) and {@code GET /api/v1/tags} (most used first, searchable, paged; public, so without counts). */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class TaxonomyApiController {

    static final int MAX_SIZE = 200;

    private final Channels channels;
    private final TaxonomyUsage usage;
    private final SiteSettingsStore settings;

    TaxonomyApiController(Channels channels, TaxonomyUsage usage, SiteSettingsStore settings) {
        this.channels = channels;
        this.usage = usage;
        this.settings = settings;
    }

    @GetMapping("/channels")
    TaxonomyResponses.Channels channels() {
        String base = settings.current().baseUrl();
        return new TaxonomyResponses.Channels(channels.tree().stream()
                .map(n -> new TaxonomyResponses.ChannelItem(n.channel().id(), n.channel().name(), n.channel().slug(), base + n.channel().url(),
                        n.channel().parentId(), n.depth()))
                .toList());
    }

    @GetMapping("/tags")
    ResponseEntity<?> tags(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 1 || page > 100_000 || size < 1 || size > MAX_SIZE || q.length() > 30) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "page must be ≥ 1, size between 1 and " + MAX_SIZE + ", q at most 30 characters"));
        }
        String base = settings.current().baseUrl();
        PageSlice<TaxonomyUsage.TagCount> slice = usage.tags(q, page, size);
        return ResponseEntity.ok(new TaxonomyResponses.Tags(
                slice.items().stream().map(t -> new TaxonomyResponses.TagItem(t.tag().id(), t.tag().name(), base + t.tag().url())).toList(),
                page, size, slice.total(), slice.totalPages()));
    }
}
