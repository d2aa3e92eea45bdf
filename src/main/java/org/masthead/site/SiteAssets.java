package org.masthead.site;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Addresses of the static files pages link to, with their content hash ({@code /css/site-3f2a….css}) so
 * they can be cached for a year; the plain path when no resource chain is configured (CLI context).
 */
@Component
class SiteAssets {

    static final String CSS = "/css/site.css";
    static final String ICON = "/img/logo.svg";
    /** The logo as a raster image: search engines and iOS ask for PNG. 512 × 512 pixels. */
    static final String LOGO_PNG = "/img/logo.png";

    static final int LOGO_PNG_SIZE = 512;

    private final ObjectProvider<ResourceUrlProvider> resources;
    /**
     * The versioned address per path, once found: the files are in the jar and do not change while it runs, and the
     * lookup (a bean resolution and the resolver chain) was called a few times per rendered page.
     */
    private final Map<String, String> versioned = new ConcurrentHashMap<>();

    SiteAssets(ObjectProvider<ResourceUrlProvider> resources) {
        this.resources = resources;
    }

    String url(String path) {
        String known = versioned.get(path);
        if (known != null) {
            return known;
        }
        ResourceUrlProvider urls = resources.getIfAvailable();
        String found = urls == null ? null : urls.getForLookupPath(path);
        if (found == null) {
            return path; // not kept: the provider may not be ready yet (it fills when the context is refreshed)
        }
        versioned.put(path, found);
        return found;
    }
}
