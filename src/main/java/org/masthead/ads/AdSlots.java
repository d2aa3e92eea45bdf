package org.masthead.ads;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ad slots as the pages use them, held in memory so that no page and no ad view reads the database.
 *
 * <p>A page shows, at each placement, a frame per slot that has something to show ({@link #shown}); the
 * frame asks {@link #pick} per view, which chooses among the slot's creatives by weight and counts the
 * impression. So a page kept by the page cache never freezes the rotation, and only changes to which slots
 * a placement shows (not to creatives) change pages: those publish {@link AdSlotChanged}. The memory copy
 * is reloaded after every change here and every {@code masthead.ads.check-interval} (another node's edit,
 * a schedule window opening or closing).
 */
@Service
public class AdSlots {

    /** Placements the site's templates render. */
    public static final String HOME_TOP = "home-top";
    public static final String SIDEBAR = "sidebar";
    public static final String ARTICLE_BOTTOM = "article-bottom";
    public static final String LIST_TOP = "list-top";
    public static final List<String> PLACEMENTS = List.of(HOME_TOP, LIST_TOP, SIDEBAR, ARTICLE_BOTTOM);

    /** Everything stored, as read at the last reload. */
    record State(List<AdSlot> slots, Map<Long, List<Creative>> bySlot, Map<Long, Creative> byId) {}

    /** What a page shows of a slot: its frame's address and size. */
    private record Frame(long id, Integer width, int height) {}

    private final AdRepository repository;
    private final AdCounts counts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile State state;
    private Map<String, List<Frame>> framesShown = Map.of();

    AdSlots(AdRepository repository, AdCounts counts, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.counts = counts;
        this.events = events;
        this.clock = clock;
        this.state = load();
        this.framesShown = frames(state, clock.instant());
    }

    /** The active slots at a placement that have a creative to show now, in the order they were made. */
    public List<AdSlot> shown(String placement) {
        State now = state;
        Instant at = clock.instant();
        List<AdSlot> shown = new ArrayList<>();
        for (AdSlot slot : now.slots()) {
            if (slot.placement().equals(placement) && showsSomething(now, slot, at)) {
                shown.add(slot);
            }
        }
        return shown;
    }

    /**
     * One of the slot's creatives that may be shown now, chosen with a probability proportional to its
     * weight, and counts its impression; empty when the slot is stopped or has nothing in its window.
     */
    public Optional<Creative> pick(long slotId) {
        State now = state;
        Instant at = clock.instant();
        List<Creative> eligible = now.bySlot().getOrDefault(slotId, List.of()).stream().filter(c -> c.showsAt(at)).toList();
        boolean slotActive = now.slots().stream().anyMatch(s -> s.id() == slotId && s.active());
        if (!slotActive || eligible.isEmpty()) {
            return Optional.empty();
        }
        Creative chosen = choose(eligible, ThreadLocalRandom.current().nextLong(totalWeight(eligible)));
        counts.impression(chosen.id());
        return Optional.of(chosen);
    }

    /**
     * Where a click on a creative leads, counting the click: always the creative's own stored link (never
     * an address from the request), whatever its state now (the page it was clicked on may be older).
     */
    public Optional<String> click(long creativeId) {
        Creative creative = state.byId().get(creativeId);
        if (creative == null || creative.linkUrl() == null) {
            return Optional.empty();
        }
        counts.click(creativeId);
        return Optional.of(creative.linkUrl());
    }

    /** The first creative a placement's slots could show now, as a quick placement would have given it (tests, demo). */
    public Optional<AdCreative> creativeFor(String placement) {
        Instant at = clock.instant();
        return shown(placement).stream()
                .flatMap(slot -> state.bySlot().getOrDefault(slot.id(), List.of()).stream())
                .filter(c -> c.showsAt(at))
                .findFirst()
                .map(c -> new AdCreative(placement, c.title(), c.linkUrl(), c.imageUrl()));
    }

    /**
     * A quick placement: the slot named after the placement (made when missing, started when stopped)
     * shows just this text or image ad from now on; its other creatives are stopped.
     */
    @Transactional
    public void place(AdCreative ad) {
        if (!PLACEMENTS.contains(ad.slot())) {
            throw new AdRefused("ad.error.placement", ad.slot());
        }
        Instant now = clock.instant();
        AdSlot slot = state.slots().stream().filter(s -> s.name().equals(ad.slot())).findFirst().orElse(null);
        long slotId = slot != null ? slot.id() : repository.insertSlot(ad.slot(), ad.slot(), null, AdEditing.DEFAULT_HEIGHT, now);
        repository.setSlotActive(slotId, true);
        repository.stopCreativesOf(slotId, now);
        CreativeKind kind = ad.imageUrl() == null || ad.imageUrl().isBlank() ? CreativeKind.TEXT : CreativeKind.IMAGE;
        CreativeDraft draft = AdEditing.checked(new CreativeDraft(slotId, kind, ad.text(), ad.linkUrl(), ad.imageUrl(), null, 1, null, null));
        repository.insertCreative(draft, 1, null, now);
        refresh();
    }

    /** Stops the slot named after the placement: the placement shows none of its ads. */
    @Transactional
    public void clear(String placement) {
        state.slots().stream().filter(s -> s.name().equals(placement)).forEach(s -> repository.setSlotActive(s.id(), false));
        refresh();
    }

    State state() {
        return state;
    }

    /**
     * Reads the slots and creatives again and tells the page cache about every placement whose frames
     * changed. Runs after every edit and on a schedule.
     */
    @Scheduled(fixedDelayString = "${masthead.ads.check-interval:5s}", initialDelayString = "${masthead.ads.check-interval:5s}")
    synchronized void refresh() {
        State loaded = load();
        Map<String, List<Frame>> frames = frames(loaded, clock.instant());
        state = loaded;
        for (String placement : PLACEMENTS) {
            if (!Objects.equals(frames.get(placement), framesShown.get(placement))) {
                events.publishEvent(new AdSlotChanged(placement));
            }
        }
        framesShown = frames;
    }

    private State load() {
        List<AdSlot> slots = repository.slots();
        Map<Long, List<Creative>> bySlot = new HashMap<>();
        Map<Long, Creative> byId = new HashMap<>();
        for (Creative c : repository.creatives()) {
            bySlot.computeIfAbsent(c.slotId(), id -> new ArrayList<>()).add(c);
            byId.put(c.id(), c);
        }
        bySlot.replaceAll((id, list) -> List.copyOf(list));
        return new State(List.copyOf(slots), Map.copyOf(bySlot), Map.copyOf(byId));
    }

    private static Map<String, List<Frame>> frames(State state, Instant at) {
        Map<String, List<Frame>> frames = new LinkedHashMap<>();
        for (AdSlot slot : state.slots()) {
            if (showsSomething(state, slot, at)) {
                frames.computeIfAbsent(slot.placement(), p -> new ArrayList<>()).add(new Frame(slot.id(), slot.width(), slot.height()));
            }
        }
        return frames;
    }

    private static boolean showsSomething(State state, AdSlot slot, Instant at) {
        return slot.active() && state.bySlot().getOrDefault(slot.id(), List.of()).stream().anyMatch(c -> c.showsAt(at));
    }

    static long totalWeight(List<Creative> creatives) {
        return creatives.stream().mapToLong(Creative::weight).sum();
    }

    /** The creative whose share of the total weight holds {@code ticket} (0 ≤ ticket < total weight). */
    static Creative choose(List<Creative> creatives, long ticket) {
        long left = ticket;
        for (Creative c : creatives) {
            if (left < c.weight()) {
                return c;
            }
            left -= c.weight();
        }
        throw new IllegalArgumentException("ticket " + ticket + " beyond the total weight " + totalWeight(creatives));
    }
}
