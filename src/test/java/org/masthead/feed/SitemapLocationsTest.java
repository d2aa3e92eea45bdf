package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SitemapLocationsTest {

    @Test
    void keepsAnAsciiBaseAsItIsWithoutTheTrailingSlash() {
        SitemapLocations site = SitemapLocations.of("https://news.example.cn/");
        assertThat(site.base()).isEqualTo("https://news.example.cn");
        assertThat(site.at("/tag/%E5%AE%9D%E5%B1%B1")).isEqualTo("https://news.example.cn/tag/%E5%AE%9D%E5%B1%B1");
        assertThat(site.basePath()).isEmpty();
        assertThat(SitemapLocations.of("http://localhost:8080").at("/sitemap.xml")).isEqualTo("http://localhost:8080/sitemap.xml");
    }

    @Test
    void writesAChineseHostInPunycodeAndAChinesePathPercentEncoded() {
        SitemapLocations site = SitemapLocations.of("https://报头.中国:8443/新闻/");
        assertThat(site.base()).isEqualTo("https://xn--2ssp3t.xn--fiqs8s:8443/%E6%96%B0%E9%97%BB");
        assertThat(site.basePath()).isEqualTo("/%E6%96%B0%E9%97%BB");
        assertThat(site.base().chars()).allMatch(c -> c < 0x80);
        assertThat(URI.create(site.at("/articles/1")).getHost()).isEqualTo("xn--2ssp3t.xn--fiqs8s");
    }

    @Test
    void leavesPercentEscapesAndIpv6HostsAlone() {
        assertThat(SitemapLocations.of("https://example.cn/a%20b").base()).isEqualTo("https://example.cn/a%20b");
        assertThat(SitemapLocations.of("http://[::1]:8080/").base()).isEqualTo("http://[::1]:8080");
    }

    @Test
    void refusesABaseThatIsNotAbsolute() {
        assertThatThrownBy(() -> SitemapLocations.of("news.example.cn")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not absolute");
    }
}
