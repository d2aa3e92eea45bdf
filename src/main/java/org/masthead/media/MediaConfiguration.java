package org.masthead.media;

import jakarta.servlet.MultipartConfigElement;
import javax.imageio.ImageIO;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
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
     * Replaces Boot's own (spring.servlet.multipart.max-*). The server's limit sits just above ours, so
     * a file a little over {@code max-bytes} still arrives and is refused by {@link MediaLibrary} with its
     * message, and one far over is answered by {@link UploadSizeFilter} from its Content-Length; only a
     * chunked upload with no declared length meets the server's limit (a bare 400 or 413).
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MediaSettings settings) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(DataSize.ofBytes(settings.maxBytes().toBytes() + FORM_OVERHEAD));
        factory.setMaxRequestSize(DataSize.ofBytes(settings.maxBytes().toBytes() + FORM_OVERHEAD));
        factory.setFileSizeThreshold(DataSize.ofKilobytes(512));
        return factory.createMultipartConfig();
    }

    /**
     * Before anything reads parameters, which parses a multipart body: the page cache's capture
     * (HIGHEST_PRECEDENCE, GET only) comes first, the site's query-string check (+10) and Spring
     * Security (-100) after. Only in a web application:
     * a context without a server (the storage tests) has no LocaleResolver.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(MediaSettings settings, MessageSource messages, LocaleResolver localeResolver) {
        UploadSizeFilter filter = new UploadSizeFilter(settings.maxBytes().toBytes() + FORM_OVERHEAD, MediaLibrary.readableSize(settings.maxBytes().toBytes()),
                messages, localeResolver);
        FilterRegistrationBean<UploadSizeFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/admin/media", "/api/v1/media");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
