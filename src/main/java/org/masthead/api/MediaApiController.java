package org.masthead.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.masthead.media.MediaItem;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/media}: uploads an image for API clients (token or HTTP Basic with
 * {@code media:write}), multipart field {@code file} and optional {@code alt}. Answers 201 with
 * {"id", "url", "width", "height", "thumbnails": {"320": url, …}}, or 400/413 with {"error": message}.
 */
@RestController
class MediaApiController {

    private final MediaLibrary media;
    private final MessageSource messages;

    MediaApiController(MediaLibrary media, MessageSource messages) {
        this.media = media;
        this.messages = messages;
    }

    @PostMapping("/api/v1/media")
    ResponseEntity<Map<String, Object>> upload(Authentication me, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String alt) throws IOException {
        try {
            MediaItem item = media.upload(new MediaLibrary.Upload(file == null ? null : file.getBytes(), file == null ? null : file.getOriginalFilename(), alt,
                    me.getName()));
            return ResponseEntity.status(HttpStatus.CREATED).body(body(item));
        } catch (MediaRefused e) {
            HttpStatus status = e.reason() == MediaRefused.Reason.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
            return ResponseEntity.status(status).body(Map.of("error", messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale())));
        }
    }


    private static Map<String, Object> body(MediaItem item) {
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
