package org.masthead.site;

import java.net.URI;
import org.masthead.setting.SiteSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The footer's contact link. The address is never written into a page (harvesters read pages); a
 * person's click lands here and the browser is sent on to {@code mailto:}.
 */
@Controller
class ContactController {

    private final SiteLayouts layouts;

    ContactController(SiteLayouts layouts) {
        this.layouts = layouts;
    }

    @GetMapping("/contact")
    ResponseEntity<Void> contact() {
        SiteSettings settings = layouts.settings();
        if (settings.email() == null || settings.email().isBlank()) {
            throw new NotFound("contact address");
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("mailto:" + settings.email()))
                .header("X-Robots-Tag", "noindex, nofollow")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
