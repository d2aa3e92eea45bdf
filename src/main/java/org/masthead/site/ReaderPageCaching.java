package org.masthead.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reader pages are cache-friendly: {@code Cache-Control: public, max-age=60}, and an ETag that is the hash
 * of the rendered HTML, so a browser or proxy that asks again with {@code If-None-Match} gets 304 without
 * the body whenever nothing shown changed.
 *
 * <p>The ETag is computed from the bytes, not from timestamps: a page shows its article, the latest and
 * most-read lists, the settings and the ads, and any of them changing changes the hash. For the same
 * reason there is no {@code Last-Modified}: the most-read list reorders as articles are read and settings
 * and ads carry no time, so no cheap time covers everything a page shows. The rendered page, with this
 * ETag, is then kept by {@code org.masthead.pagecache}, which answers repeat requests (and their 304s)
 * before Spring MVC until an edit drops it.
 *
 * <p>The ETag is weak ({@code W/"…"}): the same page goes out gzipped or plain under one validator, which
 * a strong ETag must not do. Tomcat refuses to compress any response carrying a strong ETag, so a strong
 * one would also have cost every reader the compression.
 */
@Configuration(proxyBeanMethods = false)
class ReaderPageCaching implements WebMvcConfigurer {

    static final String PAGE_CACHE_CONTROL = "public, max-age=60";
    /** Where reader pages live; everything else (API, feeds' own routes, static files) is left alone. */
    static final List<String> PAGE_PATHS = List.of("/articles/", "/channel/", "/tag/", "/source/", "/author/", "/topic/");

    @Bean
    FilterRegistrationBean<PageEtagFilter> readerPageEtagFilter() {
        FilterRegistrationBean<PageEtagFilter> registration = new FilterRegistrationBean<>(new PageEtagFilter());
        registration.setName("readerPageEtagFilter");
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageCacheControl());
    }

    static boolean isReaderPage(String path) {
        return path.equals("/") || path.equals("/latest") || path.equals("/topics") || PAGE_PATHS.stream().anyMatch(path::startsWith);
    }

    /** A weak ETag on HTML reader pages answered 2xx to GET; 304 when it matches {@code If-None-Match}. */
    static final class PageEtagFilter extends ShallowEtagHeaderFilter {

        PageEtagFilter() {
            setWriteWeakETag(true);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"GET".equals(request.getMethod()) || !isReaderPage(request.getRequestURI());
        }

        @Override
        protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response, int status, InputStream body) {
            String type = response.getContentType();
            return type != null && type.startsWith("text/html") && super.isEligibleForEtag(request, response, status, body);
        }
    }

    /**
     * Public caching for a page a site controller rendered successfully; a controller that set its own
     * Cache-Control (the contact redirect: no-store) keeps it. Not called when the handler failed, so error
     * pages get theirs from {@link SiteErrorAdvice}.
     */
    static final class PageCacheControl implements HandlerInterceptor {

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
            if (handler instanceof HandlerMethod method
                    && method.getBeanType().getPackageName().equals(ReaderPageCaching.class.getPackageName())
                    && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                    && !response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, PAGE_CACHE_CONTROL);
            }
        }
    }
}
