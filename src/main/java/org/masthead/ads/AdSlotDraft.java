package org.masthead.ads;

/** A slot as an editor submits it; {@link AdEditing} checks it. */
public record AdSlotDraft(String name, String placement, Integer width, Integer height) {}
