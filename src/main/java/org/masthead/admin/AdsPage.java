package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/ads}: every slot with its creatives, the form for a new slot, and the counts per creative
 * per day of the last {@code days} days.
 *
 * @param newSlot the new-slot form's values (kept after a refusal)
 * @param editedSlotId the slot whose row shows {@code edited} (kept after a refusal), or -1
 */
public record AdsPage(AdminLayout layout, List<SlotLine> slots, List<Option> placements, SlotForm newSlot, long editedSlotId, SlotForm edited,
        List<CountLine> counts, int days, String error, String notice) {

    /** A slot and its creatives; {@code form} holds the values its edit form shows. */
    public record SlotLine(long id, String name, String placementLabel, String size, boolean active, SlotForm form, List<CreativeLine> creatives) {}

    /** @param window the schedule window in words ("始终" …) */
    public record CreativeLine(long id, String kindLabel, String title, String link, int weight, String window, boolean active, boolean showing,
            long impressions, long clicks) {}

    public record CountLine(String day, long creativeId, String title, long impressions, long clicks, String clickThrough) {}

    public record SlotForm(String name, String placement, String width, String height) {}

    public record Option(String value, String label) {}
}
