package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed page (../shared/reference/seed-page.txt) rebuilt from its own 50 articles
 * (fixtures/seed-page.jsonl, written by make-seed-fixture.py): every element of its article page in
 * order, and its lists without the seed's defects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.site.name=报头新闻", "masthead.site.icp=沪ICP备12345678号-1", "masthead.site.email=editor@masthead.example",
    "masthead.site.copyright-since=2019", "masthead.site.public-security-filing=沪公网安备31011302000001号"})
class SeedPageIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    private static volatile Map<String, Long> idsByTitle;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void importSeedOnce() {
        if (idsByTitle != null) {
            return;
        }
        String fixture = TestSites.fixture("seed-page.jsonl");
        HttpResponse<String> response = TestSites.importAsAdmin(port, fixture);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = json.readTree(response.body()).get("results");
        assertThat(results).hasSize(50);
        Map<String, Long> ids = new HashMap<>();
        String[] lines = fixture.split("\n");
        for (int i = 0; i < 50; i++) {
            JsonNode result = results.get(i);
            assertThat(result.get("line").asInt()).isEqualTo(i + 1);
            assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("created");
            ids.put(json.readTree(lines[i]).get("title").asString(), result.get("id").asLong());
        }
        idsByTitle = ids;
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        JsonNode results = json.readTree(TestSites.importAsAdmin(port, TestSites.fixture("seed-page.jsonl")).body()).get("results");
        for (JsonNode result : results) {
            assertThat(result.get("status").asString()).isEqualTo("unchanged");
        }
        assertThat(json.readTree(TestSites.get(port, "/api/v1/articles?size=1").body()).get("total").asLong()).isEqualTo(50);
    }

    @Test
    void articlePageShowsEverySeedElementInOrder() {
        long id = idsByTitle.get("宝山教育高质量发展推进会召开,重磅发布三大专项方案");
        HttpResponse<String> response = TestSites.get(port, "/articles/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        Document page = Jsoup.parse(html);

        assertThat(page.selectFirst("h1").text()).isEqualTo("宝山教育高质量发展推进会召开,重磅发布三大专项方案");
        Element time = page.selectFirst(".meta time");
        assertThat(time.text()).isEqualTo("2023-08-29 09:18:41");
        assertThat(time.attr("datetime")).isEqualTo("2023-08-29T09:18:41+08:00");
        assertThat(page.selectFirst(".meta .source").text()).isEqualTo("来源: 新民晚报");
        assertThat(page.selectFirst(".meta .source a").attr("href")).isEqualTo("https://www.xinmin.cn/seed/baoshan-education");
        Element figure = page.selectFirst(".body figure");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("【资料图】");
        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("https://img.example.cn/2023/08/29/baoshan-education.jpg");
        assertThat(page.select(".byline a").eachText()).containsExactly("余婧瑶", "李金珽", "卢毅");
        assertThat(page.select(".tags a").eachText()).containsExactly("宝山", "教育");
        assertThat(page.select(".tags a").eachAttr("href")).containsExactly("/tag/%E5%AE%9D%E5%B1%B1", "/tag/%E6%95%99%E8%82%B2");

        assertInOrder(html,
                "<h1>宝山教育高质量发展推进会召开",
                "2023-08-29 09:18:41",
                "来源: <a",
                ">新民晚报</a>",
                "8月28日下午,宝山教育高质量发展推进会召开",
                "陈杰强调",
                "周亚明表示",
                "<figcaption>【资料图】</figcaption>",
                "区委副书记、区长高奕奕向华东师范大学",
                "据了解,为了确保四大发展目标如期完成",
                ">余婧瑶</a>",
                ">卢毅</a>",
                "标签:",
                "id=\"side-latest\"",
                "id=\"side-headlines\"",
                "Copyright ©");
        // The seed's other articles fill the lists beside it, newest first, with list times.
        List<String> latest = page.select(".latest .card-title").eachText();
        assertThat(latest.getFirst()).isEqualTo("“市场底”信号已现?!叫停减持+延长锁定+增持回购,队伍越来越大!");
        assertThat(page.select(".latest .card-time").eachText()).first().isEqualTo("08-29 08:19:57");
        assertThat(page.select(".headlines li")).isNotEmpty();
        // Channel navigation as on the seed (行业动态), and the article's channel is marked.
        assertThat(page.select("nav.channels a").eachText()).contains("行业动态");
        assertThat(page.selectFirst("nav.channels a[aria-current=page]").text()).isEqualTo("行业动态");
    }

    @Test
    void listsShowExcerptsAndTimesWithoutTheSeedsDefects() {
        Map<String, String> texts = new HashMap<>();
        for (String line : TestSites.fixture("seed-page.jsonl").split("\n")) {
            JsonNode article = json.readTree(line);
            texts.put(article.get("title").asString(), Jsoup.parse(article.get("body").asString()).text());
        }
        List<Element> cards = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Document doc = Jsoup.parse(TestSites.get(port, "/latest" + (page == 1 ? "" : "?page=" + page)).body());
            cards.addAll(doc.select("main .primary .card"));
        }
        assertThat(cards).hasSize(50);
        Map<String, String> excerpts = new HashMap<>();
        for (Element card : cards) {
            String title = card.selectFirst(".card-title").text();
            String excerpt = card.selectFirst(".card-excerpt").text();
            excerpts.put(title, excerpt);
            assertThat(card.selectFirst(".card-time").text()).matches("\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat(excerpt.codePointCount(0, excerpt.length())).isLessThanOrEqualTo(36);
            String kept = excerpt.endsWith("…") ? excerpt.substring(0, excerpt.length() - 1) : excerpt;
            String text = texts.get(title).replaceAll("\\s+", " ");
            assertThat(text).as("excerpt of %s keeps every character", title).startsWith(kept);
            if (kept.length() < text.length()) {
                char last = kept.charAt(kept.length() - 1);
                char next = text.charAt(kept.length());
                assertThat(Character.isLetterOrDigit(last) && isAsciiWordChar(next) && isAsciiWordChar(last))
                        .as("%s cut inside a number or word: %s|%s", title, kept, text.substring(kept.length()))
                        .isFalse();
            }
        }
        String stock = excerpts.get("股票行情快报:洲明科技(300232)8月25日主力资金净卖出1032.64万元");
        assertThat(stock).startsWith("截至2023年8月25日收盘,洲明科技(300232)报收于7.3元").doesNotContain("7 3元").endsWith("…");
        assertThat(excerpts.get("盟科药业(688373)8月25日主力资金净卖出66.94万元")).contains("6.25元").doesNotContain("6 25");
        assertThat(excerpts.get("百润股份:拟向特定对象增发募资不超过20.25亿元")).contains("33.15元");
        // Times show in the site zone as the seed does.
        Document home = Jsoup.parse(TestSites.get(port, "/").body());
        assertThat(home.select(".primary .card-time").eachText()).first().isEqualTo("08-29 09:18:41");
    }

    @Test
    void footerShowsCopyrightFilingAndAnEmailThatIsNotInTheSource() {
        String html = TestSites.get(port, "/").body();
        Document page = Jsoup.parse(html);
        int year = java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();
        assertThat(page.selectFirst(".site-footer").text()).contains("Copyright © 2019-" + year + " 报头新闻 版权所有");
        Element icp = page.selectFirst(".site-footer a[href=https://beian.miit.gov.cn/]");
        assertThat(icp.text()).isEqualTo("沪ICP备12345678号-1");
        assertThat(page.selectFirst(".site-footer").text()).contains("沪公网安备31011302000001号");
        assertThat(html).doesNotContain("editor@masthead.example").doesNotContain("editor&#64;masthead.example");
        Element contact = page.selectFirst(".site-footer a.contact");
        contact.select(".decoy").remove();
        assertThat(contact.text()).as("what a person reads").isEqualTo("editor@masthead.example");
        HttpResponse<String> redirect = TestSites.get(port, contact.attr("href"));
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("mailto:editor@masthead.example");
    }

    @Test
    void channelTagSourceAndAuthorPagesListTheirArticles() {
        Document channel = Jsoup.parse(TestSites.get(port, "/channel/%E8%A1%8C%E4%B8%9A%E5%8A%A8%E6%80%81").body());
        assertThat(channel.select(".primary .card-title").eachText()).contains("宝山教育高质量发展推进会召开,重磅发布三大专项方案");
        Document tag = Jsoup.parse(TestSites.get(port, "/tag/%E5%AE%9D%E5%B1%B1").body());
        assertThat(tag.select(".primary .card-title").eachText()).containsExactly("宝山教育高质量发展推进会召开,重磅发布三大专项方案");
        Document author = Jsoup.parse(TestSites.get(port, "/author/%E5%8D%A2%E6%AF%85").body());
        assertThat(author.selectFirst("h1").text()).contains("卢毅");
        Document article = Jsoup.parse(TestSites.get(port, "/articles/" + idsByTitle.get("25股业绩连续亏损 最新紧急避雷股出炉(名单)")).body());
        String sourceLink = article.selectFirst(".meta .source a").attr("href");
        assertThat(sourceLink).isEqualTo("https://news.example.cn/seed/16");
        Document financePage = Jsoup.parse(TestSites.get(port, "/channel/%E8%B4%A2%E7%BB%8F?page=1").body());
        assertThat(financePage.select(".primary .card")).isNotEmpty();
        for (String missing : List.of("/channel/nope", "/tag/nope", "/source/99999", "/author/nobody", "/latest?page=99", "/latest?page=abc", "/articles/0")) {
            HttpResponse<String> response = TestSites.get(port, missing);
            assertThat(response.statusCode()).as(missing).isEqualTo(404);
            assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).as(missing).isEqualTo("页面不存在");
        }
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '%';
    }

    private static void assertInOrder(String html, String... markers) {
        int from = 0;
        for (String marker : markers) {
            int at = html.indexOf(marker, from);
            assertThat(at).as("'%s' after position %d", marker, from).isGreaterThanOrEqualTo(0);
            from = at + marker.length();
        }
    }
}
