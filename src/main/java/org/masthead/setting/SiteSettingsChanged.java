package org.masthead.setting;

import java.time.Instant;

/** The site settings were changed: everything that shows them (every page, feed and sitemap) is out of date. */
public record SiteSettingsChanged(Instant at) {}
