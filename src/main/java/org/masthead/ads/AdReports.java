package org.masthead.ads;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the back office shows: every slot and creative (from memory) and the counts per creative per day. */
@Service
public class AdReports {

    private final AdSlots slots;
    private final AdRepository repository;
    private final AdCounts counts;

    AdReports(AdSlots slots, AdRepository repository, AdCounts counts) {
        this.slots = slots;
        this.repository = repository;
        this.counts = counts;
    }

    public List<AdSlot> slots() {
        return slots.state().slots();
    }

    public List<Creative> creatives(long slotId) {
        return slots.state().bySlot().getOrDefault(slotId, List.of());
    }

    public Optional<Creative> creative(long id) {
        return Optional.ofNullable(slots.state().byId().get(id));
    }

    /**
     * Impressions and clicks per creative per day from {@code from} to {@code to}, newest first. What was
     * counted since the last batch is written first, so the report includes every view up to now.
     */
    public List<AdDailyCount> daily(LocalDate from, LocalDate to) {
        counts.flush();
        return repository.daily(from, to);
    }
}
