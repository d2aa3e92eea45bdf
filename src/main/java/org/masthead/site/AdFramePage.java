package org.masthead.site;

import org.masthead.ads.Creative;
import org.masthead.platform.Messages;

/**
 * The document inside an ad slot's frame: one creative, chosen for this view, or nothing.
 *
 * @param creative null when the slot has nothing to show now (stopped since the page was kept)
 */
public record AdFramePage(Messages msg, String cssUrl, Creative creative) {}
