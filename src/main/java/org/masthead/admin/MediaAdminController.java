package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.article.ImageReferences;
import org.masthead.media.MediaItem;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaRefused;
import org.masthead.platform.Messages;
import org.masthead.platform.PageSlice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/media}: the media library (素材库). Uploading answers JSON to scripts and the editor
 * ({@code Accept: application/json}: 201 with the image's URLs, 400/413 with the message) and a redirect
 * back to the library with a message to the plain form, which works without JavaScript. An image an
 * article still shows is not deleted: the page says which articles use it.
 */
@Controller
class MediaAdminController {

    static final int PAGE_SIZE = 24;

    private final AdminLayouts layouts;
    private final MediaLibrary media;
    private final ImageReferences references;

    MediaAdminController(AdminLayouts layouts, MediaLibrary media, ImageReferences references) {
        this.layouts = layouts;
        this.media = media;
        this.references = references;
    }

    @GetMapping("/admin/media")
    ModelAndView library(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String tooLarge, Map<String, Object> model) {
        Messages msg = layouts.messages();
        String error = (String) model.get("error");
        if (error == null && tooLarge != null) {
            error = msg.get("media.error.tooLarge", media.maxSize());
        }
        PageSlice<MediaItem> slice = media.page(PageSlice.pageNumber(page), PAGE_SIZE);
        List<MediaPage.Tile> tiles = slice.items().stream().map(item -> new MediaPage.Tile(item.id(), item.filename(), item.alt(),
                item.thumbnails().values().stream().findFirst().orElse(item.url()), item.url(),
                msg.get("media.details", item.width(), item.height(), MediaLibraryFormats.size(item.bytes()), item.uploadedBy(), layouts.time(item.uploadedAt()))))
                .toList();
        response.setHeader("Cache-Control", "no-store");
        MediaPage view = new MediaPage(layouts.layout(request, "media", msg.get("admin.nav.media")), tiles, slice.page(), slice.totalPages(), slice.total(),
                slice.hasPrevious() ? "/admin/media?page=" + (slice.page() - 1) : null, slice.hasNext() ? "/admin/media?page=" + (slice.page() + 1) : null,
                error, (String) model.get("notice"), media.maxSize());
        return new ModelAndView("admin/media", Map.of("page", view));
    }

    @PostMapping("/admin/media")
    Object upload(Authentication me, @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String alt,
            @RequestHeader(value = "Accept", required = false) String accept, RedirectAttributes redirect) throws IOException {
        boolean json = wantsJson(accept);
        Messages msg = layouts.messages();
        try {
            MediaItem item = media.upload(new MediaLibrary.Upload(file == null ? null : file.getBytes(), file == null ? null : file.getOriginalFilename(), alt,
                    me.getName()));
            if (json) {
                return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(uploaded(item));
            }
            redirect.addFlashAttribute("notice", msg.get("media.uploaded", item.filename(), item.url()));
            return "redirect:/admin/media";
        } catch (MediaRefused e) {
            String message = msg.get(e.messageKey(), e.arguments());
            if (json) {
                HttpStatus status = e.reason() == MediaRefused.Reason.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
                return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
            }
            redirect.addFlashAttribute("error", message);
            return "redirect:/admin/media";
        }
    }

    @PostMapping("/admin/media/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirm, RedirectAttributes redirect) {
        Messages msg = layouts.messages();
        var item = media.find(id);
        if (item.isEmpty()) {
            redirect.addFlashAttribute("error", msg.get("media.delete.missing"));
            return "redirect:/admin/media";
        }
        if (confirm == null) {
            redirect.addFlashAttribute("error", msg.get("media.delete.unconfirmed", item.get().filename()));
            return "redirect:/admin/media";
        }
        List<Long> users = references.articlesMentioning(item.get().hash(), 6);
        if (!users.isEmpty()) {
            String ids = String.join("、", users.stream().limit(5).map(n -> "#" + n).toList()) + (users.size() > 5 ? "…" : "");
            redirect.addFlashAttribute("error", msg.get("media.delete.inUse", item.get().filename(), ids));
            return "redirect:/admin/media";
        }
        media.delete(id);
        redirect.addFlashAttribute("notice", msg.get("media.deleted", item.get().filename()));
        return "redirect:/admin/media";
    }


    private static boolean wantsJson(String accept) {
        return accept != null && accept.contains("application/json");
    }

    /** The JSON of a stored image: {"id", "url", "width", "height", "thumbnails": {"320": url, …}}. */
    static Map<String, Object> uploaded(MediaItem item) {
        Map<String, String> thumbnails = new LinkedHashMap<>();
        item.thumbnails().forEach((width, url) -> thumbnails.put(String.valueOf(width), url));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", item.id());
        body.put("url", item.url());
        body.put("width", item.width());
        body.put("height", item.height());
        body.put("thumbnails", thumbnails);
        return body;
    }
}
