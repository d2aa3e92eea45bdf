package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsControllerTest {

    @Test
    void allowsTheSiteButNotTheApiOrActuatorAndNamesTheAbsoluteSitemapIndex() {
        assertThat(RobotsController.text(SitemapLocations.of("https://news.example.cn/"))).isEqualTo("""
                User-agent: *
                Allow: /
                Disallow: /api/
                Disallow: /actuator/

                Sitemap: https://news.example.cn/sitemap.xml
                """);
    }

    @Test
    void aSiteUnderAPathKeepsItsRulesUnderThatPath() {
        assertThat(RobotsController.text(SitemapLocations.of("https://example.cn/新闻")))
                .contains("Allow: /%E6%96%B0%E9%97%BB/\n", "Disallow: /%E6%96%B0%E9%97%BB/api/\n", "Disallow: /%E6%96%B0%E9%97%BB/actuator/\n")
                .endsWith("Sitemap: https://example.cn/%E6%96%B0%E9%97%BB/sitemap.xml\n");
    }
}
