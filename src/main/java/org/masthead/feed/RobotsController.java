package org.masthead.feed;

import java.nio.charset.StandardCharsets;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /robots.txt}: the whole site may be crawled except the API and the actuator, and the sitemap
 * index is named with its absolute address (the settings' base address), as the protocol asks.
 */
@Controller
class RobotsController {

    static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final SiteSettingsStore settings;

    RobotsController(SiteSettingsStore settings) {
        this.settings = settings;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(TEXT).cacheControl(SitemapController.CACHE).body(text(SitemapLocations.of(settings.current().baseUrl())));
    }

    /** The file for a site at {@code site}; a site under a path keeps its rules under that path. */
    static String text(SitemapLocations site) {
        String root = site.basePath();
        return "User-agent: *\n"
                + "Allow: " + root + "/\n"
                + "Disallow: " + root + "/api/\n"
                + "Disallow: " + root + "/actuator/\n"
                + "\n"
                + "Sitemap: " + site.at("/sitemap.xml") + "\n";
    }
}
