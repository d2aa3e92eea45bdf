package org.masthead.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.masthead.ads.AdSlots;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The two ad addresses readers' browsers ask for, neither kept by any cache:
 *
 * <ul>
 *   <li>{@code /ad/slot/{id}}: the document of a slot's frame, one creative chosen per view by weight, its
 *       impression counted (in memory; {@code AdSlots}). A page kept by the page cache holds only the frame,
 *       so rotation and counting go on whatever the page cache keeps.
 *   <li>{@code /ad/click/{creativeId}}: counts the click and redirects to the creative's stored link. The
 *       target never comes from the request, so this is no open redirect.
 * </ul>
 */
@Controller
class AdPageController {

    private static final String NO_STORE = "no-store";

    private final AdSlots ads;
    private final SiteLayouts layouts;
    private final SiteAssets assets;

    AdPageController(AdSlots ads, SiteLayouts layouts, SiteAssets assets) {
        this.ads = ads;
        this.layouts = layouts;
        this.assets = assets;
    }

    @GetMapping("/ad/slot/{id:\\d{1,18}}")
    String frame(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        // HEAD (link checkers, prefetchers) is no view: nothing chosen, nothing counted.
        var creative = "HEAD".equals(request.getMethod()) ? null : ads.pick(id).orElse(null);
        model.addAttribute("page", new AdFramePage(layouts.messages(), assets.url(SiteAssets.CSS), creative));
        return "site/adFrame";
    }

    @GetMapping("/ad/click/{creativeId:\\d{1,18}}")
    ResponseEntity<Void> click(@PathVariable long creativeId) {
        String target = ads.click(creativeId).orElseThrow(() -> new NotFound("ad creative " + creativeId));
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, asciiOnly(target))
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .header("X-Robots-Tag", "noindex, nofollow")
                .build();
    }

    /** The address with every character outside printable ASCII percent-encoded (UTF-8), as a header must carry it. */
    static String asciiOnly(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
