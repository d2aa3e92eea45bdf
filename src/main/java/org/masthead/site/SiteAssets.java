package org.masthead.site;

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

    SiteAssets(ObjectProvider<ResourceUrlProvider> resources) {
        this.resources = resources;
    }

    String url(String path) {
        ResourceUrlProvider urls = resources.getIfAvailable();
        String versioned = urls == null ? null : urls.getForLookupPath(path);
        return versioned == null ? path : versioned;
    }
}
