package org.masthead.site;

import java.util.Optional;
import org.masthead.media.MediaLibrary;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * {@code /media/ab/abcdef…-640.jpg}: images of the media library and their thumbnails. The name is the
 * content hash, so a URL never changes what it shows and may be cached for a year; anything that is not
 * a stored file is a plain 404.
 */
@Controller
class MediaFileController {

    static final CacheControl FOREVER = CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable();

    private final MediaLibrary media;

    MediaFileController(MediaLibrary media) {
        this.media = media;
    }

    @GetMapping("/media/{folder}/{name}")
    ResponseEntity<?> file(@PathVariable String folder, @PathVariable String name, @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        String etag = "\"" + name + "\"";
        Optional<MediaLibrary.MediaFile> file = media.file(folder, name);
        if (file.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_PLAIN).body("404 Not Found\n");
        }
        if (etag.equals(ifNoneMatch)) {
            try (var unused = file.get()) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FOREVER).build();
            } catch (java.io.IOException e) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FOREVER).build();
            }
        }
        MediaLibrary.MediaFile found = file.get();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.contentType()))
                .contentLength(found.file().length())
                .cacheControl(FOREVER)
                .eTag(etag)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                // Never taken for anything but its declared type, even by an old browser.
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(found.file().content()));
    }
}
