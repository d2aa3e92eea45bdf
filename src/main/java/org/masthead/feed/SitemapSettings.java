package org.masthead.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code masthead.sitemap.*}.
 *
 * @param urlsPerFile most URLs in one sitemap file (the protocol allows 50,000; tests use a few)
 * @param newsLanguage {@code news:language} of the Google News sitemap: Google asks for {@code zh-cn}
 *     for Simplified and {@code zh-tw} for Traditional Chinese
 */
@ConfigurationProperties("masthead.sitemap")
record SitemapSettings(@DefaultValue("50000") int urlsPerFile, @DefaultValue("zh-cn") String newsLanguage) {

    SitemapSettings {
        if (urlsPerFile < 1 || urlsPerFile > SitemapWriter.MAX_URLS) {
            throw new IllegalArgumentException("masthead.sitemap.urls-per-file: must be between 1 and " + SitemapWriter.MAX_URLS);
        }
        if (newsLanguage == null || !newsLanguage.matches("[a-z]{2,3}(-[a-z]{2,4})?")) {
            throw new IllegalArgumentException("masthead.sitemap.news-language: an ISO 639 code such as zh-cn, zh-tw or zh");
        }
    }
}
