package org.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.ads.AdSlots;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleLookup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo profile loads the shipped press releases once, with several channels, sources and tags. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "masthead.demo.enabled=true")
class DemoContentIT {

    @Autowired
    DemoContent demo;

    @Autowired
    ArticleLists articles;

    @Autowired
    ArticleLookup lookup;

    @Autowired
    AdSlots ads;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @Test
    void loadsAllDemoArticlesOnceWithTheirChannelsSourcesAndTags() {
        assertThat(articles.count(ArticleFilter.visible())).isEqualTo(450);
        var page = articles.list(ArticleFilter.visible(), 1, 100);
        assertThat(page.items().stream().map(c -> c.channelName()).distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(page.items().stream().map(c -> c.sourceName()).distinct().count()).isGreaterThanOrEqualTo(3);
        var first = lookup.visible(page.items().getFirst().id()).orElseThrow();
        assertThat(first.tags()).isNotEmpty();
        assertThat(first.bodyHtml()).contains("資料來源：臺南市政府新聞稿 https://www.tainan.gov.tw/");
        assertThat(ads.creativeFor(AdSlots.SIDEBAR)).isPresent();

        demo.run(new DefaultApplicationArguments());
        assertThat(articles.count(ArticleFilter.visible())).as("a second start loads nothing again").isEqualTo(450);
    }
}
