package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "masthead.site.base-url=https://news.example.cn/")
class RobotsIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @Test
    void robotsTxtNamesTheAbsoluteSitemapIndexAndKeepsCrawlersOutOfTheApiAndActuatorOnly() {
        HttpResponse<String> robots = TestSites.get(port, "/robots.txt");

        assertThat(robots.statusCode()).isEqualTo(200);
        MediaType type = MediaType.parseMediaType(robots.headers().firstValue("Content-Type").orElseThrow());
        assertThat(type.isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(robots.headers().firstValue("Cache-Control").orElseThrow()).contains("public", "max-age=600");
        List<String> lines = robots.body().lines().toList();
        assertThat(lines).contains("User-agent: *", "Allow: /", "Disallow: /api/", "Disallow: /actuator/", "Sitemap: https://news.example.cn/sitemap.xml");

        List<String> disallowed = lines.stream().filter(l -> l.startsWith("Disallow:")).map(l -> l.substring("Disallow:".length()).strip()).toList();
        for (String open : List.of("/", "/articles/1", "/latest?page=2", "/channel/%E8%A6%81%E9%97%BB", "/feed.xml", "/atom.xml", "/feed.json", "/channel/%E8%A6%81%E9%97%BB/feed.xml", "/tag/x/atom.xml",
                "/sitemap.xml", "/sitemaps/articles-1.xml")) {
            assertThat(disallowed).as("%s may be crawled", open).noneMatch(open::startsWith);
        }
        for (String closed : List.of("/api/v1/articles", "/actuator/health")) {
            assertThat(disallowed).as("%s may not be crawled", closed).anyMatch(closed::startsWith);
        }
    }

    @Test
    void theSitemapItNamesIsThere() {
        String sitemap = TestSites.get(port, "/robots.txt").body().lines().filter(l -> l.startsWith("Sitemap: ")).findFirst().orElseThrow()
                .substring("Sitemap: ".length());
        HttpResponse<String> index = TestSites.get(port, sitemap.substring("https://news.example.cn".length()));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    }
}
