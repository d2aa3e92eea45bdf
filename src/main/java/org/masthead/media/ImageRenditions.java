package org.masthead.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Which addresses on a page are images of the library, and the thumbnails each has: what the site needs
 * for {@code srcset}, {@code width} and {@code height}.
 *
 * <p>An image's file never changes (its name is its hash), so what is learnt of it is kept in memory:
 * a page asks for all its images in one call, which reads the rows not yet known in one statement and
 * none once they are. The thumbnails listed are those the upload rule made
 * ({@link MediaLibrary#thumbnailWidths}) and the store holds: after {@code thumbnail-widths} changes, an
 * older image has no file at a new width (they are not made again), and a srcset naming it would show a
 * broken picture. An address that is no image of ours is remembered for a minute only, so an image
 * uploaded again after its deletion is found soon on every node (at once on the node that took it).
 */
@Service
public class ImageRenditions {

    private static final Logger log = LoggerFactory.getLogger(ImageRenditions.class);

    /** The address of an original, as {@link MediaLibrary} makes it: {@code /media/ab/ab…(64 hex).jpg}; thumbnails are not. */
    private static final Pattern ORIGINAL = Pattern.compile("/media/([0-9a-f]{2})/(\\1[0-9a-f]{62})\\.(jpg|png)");

    private static final long KNOWN_FOR = Duration.ofDays(365).toNanos();
    private static final long UNKNOWN_FOR = Duration.ofMinutes(1).toNanos();

    private final MediaRepository repository;
    private final MediaStore store;
    private final MediaSettings settings;
    private final Cache<String, Optional<Rendition>> known = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfter(new Expiry<String, Optional<Rendition>>() {
                @Override
                public long expireAfterCreate(String hash, Optional<Rendition> rendition, long now) {
                    return rendition.isPresent() ? KNOWN_FOR : UNKNOWN_FOR;
                }

                @Override
                public long expireAfterUpdate(String hash, Optional<Rendition> rendition, long now, long remaining) {
                    return expireAfterCreate(hash, rendition, now);
                }

                @Override
                public long expireAfterRead(String hash, Optional<Rendition> rendition, long now, long remaining) {
                    return remaining;
                }
            })
            .build();

    ImageRenditions(MediaRepository repository, MediaStore store, MediaSettings settings) {
        this.repository = repository;
        this.store = store;
        this.settings = settings;
    }

    /** Whether the address has the shape of an original of the library (it may still not exist). */
    public static boolean looksLikeLibraryImage(String url) {
        return url != null && ORIGINAL.matcher(url).matches();
    }

    /**
     * The library images among these addresses (exactly as written: site-relative {@code /media/…} of an
     * original), each with its thumbnails; any other address is left out. At most one statement, none when
     * every image was asked for before.
     */
    public Map<String, Rendition> of(Collection<String> urls) {
        Map<String, String> hashes = new HashMap<>();
        for (String url : urls) {
            Matcher m = url == null ? null : ORIGINAL.matcher(url);
            if (m != null && m.matches()) {
                hashes.put(url, m.group(2));
            }
        }
        if (hashes.isEmpty()) {
            return Map.of();
        }
        Map<String, Optional<Rendition>> found = known.getAll(new HashSet<>(hashes.values()), this::load);
        Map<String, Rendition> renditions = new HashMap<>();
        hashes.forEach((url, hash) -> found.getOrDefault(hash, Optional.empty())
                // The extension must be the stored one: /media/ab/….png of a JPEG is no file of ours.
                .filter(r -> r.url().equals(url))
                .ifPresent(r -> renditions.put(url, r)));
        return renditions;
    }

    /** The library image at this address, if it is one. */
    public Optional<Rendition> of(String url) {
        return Optional.ofNullable(of(List.of(url == null ? "" : url)).get(url));
    }

    /** Drops what is known of an image: it was uploaded or deleted on this node. */
    void forget(String hash) {
        known.invalidate(hash);
    }

    private Map<String, Optional<Rendition>> load(Set<? extends String> hashes) {
        Map<String, Optional<Rendition>> loaded = new HashMap<>();
        for (MediaRepository.Row row : repository.byHashes(new ArrayList<>(hashes))) {
            loaded.put(row.hash(), Optional.of(rendition(row)));
        }
        for (String hash : hashes) {
            loaded.putIfAbsent(hash, Optional.empty());
        }
        return loaded;
    }

    private Rendition rendition(MediaRepository.Row row) {
        ImageEncoding.Output output = MediaLibrary.output(row.mime());
        List<Rendition.Thumbnail> thumbnails = new ArrayList<>();
        for (int width : MediaLibrary.thumbnailWidths(settings.thumbnailWidths(), row.width())) {
            String key = MediaLibrary.key(row.hash(), width, output);
            if (stored(key)) {
                thumbnails.add(new Rendition.Thumbnail("/media/" + key, width));
            }
        }
        return new Rendition("/media/" + MediaLibrary.key(row.hash(), 0, output), row.width(), row.height(), row.alt() == null ? "" : row.alt(), thumbnails);
    }

    /** Whether the store has the thumbnail; when the store cannot say, the upload rule is trusted (it made every one). */
    private boolean stored(String key) {
        try {
            return store.exists(key);
        } catch (RuntimeException e) {
            log.warn("media store could not say whether {} exists; listing it as the upload rule made it: {}", key, e.toString());
            return true;
        }
    }
}
