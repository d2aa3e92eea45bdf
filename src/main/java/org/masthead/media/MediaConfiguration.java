package org.masthead.media;

import jakarta.servlet.MultipartConfigElement;
import javax.imageio.ImageIO;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * ImageIO set up for uploads, and the server's multipart limit taken from
 * {@code masthead.media.max-bytes}, so the two never disagree.
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    /** Room for the other form fields (alt text, CSRF token) and the multipart framing around the file. */
    static final long FORM_OVERHEAD = 64 * 1024;

    MediaConfiguration() {
        // The TwelveMonkeys readers (JPEG, WebP) register through ServiceLoader on the class loader that
        // first touches ImageIO; scanning again finds them inside the executable jar too. No disk cache:
        // uploads are in memory already.
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    /**
     * Replaces Boot's own (spring.servlet.multipart.max-*): a file over the limit is stopped while it is
     * read, and, as the parts are read lazily (spring.servlet.multipart.resolve-lazily), the media
     * controllers answer with their 413 message.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MediaSettings settings) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(settings.maxBytes());
        factory.setMaxRequestSize(DataSize.ofBytes(settings.maxBytes().toBytes() + FORM_OVERHEAD));
        factory.setFileSizeThreshold(DataSize.ofKilobytes(512));
        return factory.createMultipartConfig();
    }
}
