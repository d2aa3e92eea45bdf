package org.masthead.feed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.masthead.channel.Channels;
import org.masthead.tag.Tags;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The feeds: {@code /feed.xml} (RSS 2.0), {@code /atom.xml} (Atom 1.0) and {@code /feed.json} (JSON
 * Feed 1.1) for the whole site, and the same three under {@code /channel/{slug}/}, {@code /tag/{name}/}
 * and {@code /source/{id}/}. Answers carry an ETag (a hash of the bytes) and Last-Modified (the
 * newest change among the items), so a feed reader that asks again gets 304 Not Modified, and may be
 * cached by anyone for five minutes.
 */
@RestController
class ArticleFeedController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final String FILE = "{file:feed\\.xml|atom\\.xml|feed\\.json}";

    private final FeedAssembler feeds;
    private final RssWriter rss;
    private final AtomWriter atom;
    private final JsonFeedWriter json;
    private final Channels channels;
    private final Tags tags;

    ArticleFeedController(FeedAssembler feeds, RssWriter rss, AtomWriter atom, JsonFeedWriter json, Channels channels, Tags tags) {
        this.channels = channels;
        this.tags = tags;
        this.feeds = feeds;
        this.rss = rss;
        this.atom = atom;
        this.json = json;
    }

    @GetMapping("/" + FILE)
    ResponseEntity<byte[]> site(@PathVariable String file, WebRequest request) {
        return answer(feeds.site(), file, request);
    }

    @GetMapping("/channel/{slug}/" + FILE)
    ResponseEntity<byte[]> channel(@PathVariable String slug, @PathVariable String file, WebRequest request) {
        Optional<FeedContent> feed = feeds.channel(slug);
        if (feed.isEmpty()) {
            return channels.formerSlug(slug).map(c -> moved(c.url() + "/" + file)).orElseThrow(() -> new NoSuchFeed("no channel " + slug));
        }
        return answer(feed.get(), file, request);
    }

    @GetMapping("/tag/{name}/" + FILE)
    ResponseEntity<byte[]> tag(@PathVariable String name, @PathVariable String file, WebRequest request) {
        Optional<FeedContent> feed = feeds.tag(name);
        if (feed.isEmpty()) {
            return tags.formerName(name).map(t -> moved(t.url() + "/" + file)).orElseThrow(() -> new NoSuchFeed("no tag " + name));
        }
        return answer(feed.get(), file, request);
    }

    @GetMapping("/source/{id}/" + FILE)
    ResponseEntity<byte[]> source(@PathVariable String id, @PathVariable String file, WebRequest request) {
        Optional<FeedContent> feed = id.matches("\\d{1,18}") ? feeds.source(Long.parseLong(id)) : Optional.empty();
        return answer(feed.orElseThrow(() -> new NoSuchFeed("no source " + id)), file, request);
    }

    /** The feed of a renamed channel or tag: 301 to its new address, as the list page does. */
    private static ResponseEntity<byte[]> moved(String location) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(java.net.URI.create(location))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).build();
    }

    @ExceptionHandler(NoSuchFeed.class)
    ResponseEntity<Map<String, Object>> notFound(NoSuchFeed e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(Map.of("status", 404, "error", e.getMessage()));
    }

    private ResponseEntity<byte[]> answer(FeedContent feed, String file, WebRequest request) {
        FeedFormat format = FeedFormat.ofFileName(file).orElseThrow(() -> new NoSuchFeed("no feed " + file));
        byte[] body = switch (format) {
            case RSS -> rss.write(feed);
            case ATOM -> atom.write(feed);
            case JSON -> json.write(feed);
        };
        // Weak: the same feed may go out gzipped or not, and a weak tag survives that.
        String etag = "W/\"" + sha256(body) + "\"";
        long lastModified = feed.updated() == null ? -1 : feed.updated().toEpochMilli();
        if (request.checkNotModified(etag, lastModified)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().cacheControl(CACHE).contentType(format.mediaType()).body(body);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The address names no channel, tag or source. */
    static final class NoSuchFeed extends RuntimeException {

        NoSuchFeed(String message) {
            super(message, null, false, false);
        }
    }
}
