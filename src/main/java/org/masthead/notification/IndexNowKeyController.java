package org.masthead.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The IndexNow key file, {@code /{key}.txt}: engines fetch it to check that submissions really come
 * from this site. It is part of the IndexNow protocol this module speaks rather than a page, so it
 * lives here and not in a delivery module: it exists only while IndexNow is enabled and answers
 * exactly one path, the key's, so it can never shadow another {@code .txt} file. (The nearest
 * delivery home, {@code feed} with robots.txt, is also being reworked by others right now.)
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "masthead.notification.indexnow.enabled", havingValue = "true")
class IndexNowKeyController {

    private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final String key;

    IndexNowKeyController(NotificationSettings settings) {
        this.key = settings.indexnow().key();
    }

    // The key is validated (a-z, A-Z, 0-9, -) before this mapping exists, so it is a literal path.
    @GetMapping("/${masthead.notification.indexnow.key}.txt")
    ResponseEntity<String> keyFile() {
        return ResponseEntity.ok()
                .contentType(TEXT_UTF8)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(key);
    }
}
