package org.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
        "https://News.Example.CN/a/1.html#comments https://news.example.cn/a/1.html",
        "http://news.example.cn:80/a/1.html http://news.example.cn/a/1.html",
        "https://news.example.cn:443 https://news.example.cn/",
        "https://news.example.cn:8443/a https://news.example.cn:8443/a",
        "https://news.example.cn/a?utm_source=wx&utm_medium=share&id=7 https://news.example.cn/a?id=7",
        "https://www.example.cn/n/2.shtml?spm=a2c4g.11186623&from=timeline&isappinstalled=0 https://www.example.cn/n/2.shtml",
        "https://example.cn/x?fbclid=IwAR0&gclid=Cj0&page=2&FROM=groupmessage https://example.cn/x?page=2",
        "https://example.cn/show.php?id=42&cat=3 https://example.cn/show.php?id=42&cat=3",
        "https://例子.Example.cn/新闻/1.html?utm_campaign=x https://xn--fsqu00a.example.cn/新闻/1.html",
    })
    void dropsTrackingAndNormalisesHostAndPort(String given, String canonical) {
        assertThat(CanonicalUrl.of(given)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "javascript:alert(1)", "ftp://example.cn/a", "/relative/path", "http://", "not a url"})
    void refusesWhatIsNotAnAbsoluteWebUrl(String given) {
        assertThat(CanonicalUrl.of(given)).isEmpty();
    }

    @Test
    void textHashIgnoresWhiteSpaceAndWidthButNotWords() {
        String a = ArticleCollecting.textHash("沪指收涨 0.5%", "<p>三大指数今日震荡整理。</p>");
        String b = ArticleCollecting.textHash("沪指收涨０.５％", "<p>三大指数今日\u3000震荡整理。</p>\n");
        String c = ArticleCollecting.textHash("沪指收涨 0.5%", "<p>三大指数今日震荡上行。</p>");

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void titlesBecomePlainTextAndAreCutAtTwoHundredCharacters() {
        assertThat(ArticleCollecting.plainTitle("<b>重磅</b> &amp; 快讯<script>x()</script>")).isEqualTo("重磅 & 快讯");
        assertThat(ArticleCollecting.plainTitle("   ")).isNull();
        assertThat(ArticleCollecting.plainTitle("长".repeat(250))).hasSize(200);
    }
}
