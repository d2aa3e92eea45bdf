package org.masthead.pagecache;

import java.time.Clock;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleLookup;
import org.masthead.article.FrontLists;
import org.masthead.article.ArticleViews;
import org.masthead.channel.Channels;
import org.masthead.topic.Topics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the cache into the server: the filter that fills it runs first among the servlet filters, the
 * handler that answers from it sits in front of the whole servlet context. Only in the web server (the
 * import and reindex commands render no pages).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageCacheConfiguration {

    @Bean
    PageStore pageStore(PageCacheSettings settings) {
        return new PageStore(settings);
    }

    @Bean
    PageInvalidation pageInvalidation(PageStore store, ArticleLists articles, FrontLists front, ArticleLookup lookup, Channels channels, Topics topics,
            Clock clock) {
        return new PageInvalidation(store, articles, front, lookup, channels, topics, clock);
    }

    @Bean
    FilterRegistrationBean<PageCapture> pageCapture(PageStore store, PageCacheSettings settings) {
        FilterRegistrationBean<PageCapture> registration = new FilterRegistrationBean<>(new PageCapture(store, settings.maxPageBytes()));
        registration.setName("pageCapture");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> pageCacheHandler(PageStore store, PageCacheSettings settings, ArticleViews views) {
        PageCompression compression = new PageCompression(settings.brotliQuality());
        return factory -> factory.addServerCustomizers(
                server -> server.setHandler(new PageCacheHandler(server.getHandler(), store, compression, views::record)));
    }
}
