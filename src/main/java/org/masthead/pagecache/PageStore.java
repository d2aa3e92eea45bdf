package org.masthead.pagecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kept pages by request target ({@code /path?query} as sent), bounded by bytes.
 *
 * <p>Every drop moves a generation counter first. A page is only kept if no drop happened while it was
 * being rendered: a render that read the database before an edit committed and finished after the edit's
 * drop would otherwise put the old page back for good.
 */
final class PageStore {

    private final Cache<String, CachedPage> pages;
    private final AtomicLong generation = new AtomicLong();
    private final boolean enabled;

    PageStore(PageCacheSettings settings) {
        this.enabled = settings.enabled();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(settings.maxBytes())
                .weigher((String key, CachedPage page) -> key.length() * 2 + page.weight())
                .build();
    }

    boolean enabled() {
        return enabled;
    }

    CachedPage get(String target) {
        return pages.getIfPresent(target);
    }

    /** The generation a render starts in; hand it back to {@link #keep}. */
    long generation() {
        return generation.get();
    }

    /** Keeps the page unless a drop happened since {@code renderedIn}; says whether it was kept. */
    boolean keep(String target, CachedPage page, long renderedIn) {
        if (!enabled || generation.get() != renderedIn) {
            return false;
        }
        pages.put(target, page);
        if (generation.get() != renderedIn) {
            // A drop started after the check above and may have scanned before the put: undo it.
            pages.invalidate(target);
            return false;
        }
        return true;
    }

    /**
     * Weighs the page at {@code target} again after a compressed body was added to it, if it is still the page
     * kept there (not dropped nor rendered again meanwhile): the weigher only runs when a value is put or replaced.
     */
    void reweigh(String target, CachedPage kept) {
        pages.asMap().replace(target, kept, kept);
    }

    /** The page's weight as the cache counts it, or -1 when no page is kept at {@code target}. */
    long weight(String target) {
        return pages.policy().eviction().map(e -> (long) e.weightOf(target).orElse(-1)).orElse(-1L);
    }

    /** Drops every page that shows any of the tags; returns how many. */
    int drop(Set<String> tags) {
        generation.incrementAndGet();
        int[] dropped = {0};
        pages.asMap().entrySet().removeIf(e -> {
            boolean shows = e.getValue().showsAny(tags);
            dropped[0] += shows ? 1 : 0;
            return shows;
        });
        return dropped[0];
    }

    void dropAll() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    long size() {
        return pages.estimatedSize();
    }
}
