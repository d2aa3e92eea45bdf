package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleStatus;
import org.masthead.article.Figure;
import org.masthead.setting.SiteSettings;

class PageHeadsTest {

    private static final String BASE = "https://news.example.cn";
    private final SiteSettings settings = new SiteSettings("报头新闻", "新闻聚合与发布", 2023, "", "", "", ZoneId.of("Asia/Shanghai"), 36, BASE);

    @Test
    void keepsAShortTitleWholeBeforeTheSiteName() {
        assertThat(PageHeads.documentTitle(settings, "宝山教育高质量发展推进会召开", null)).isEqualTo("宝山教育高质量发展推进会召开 — 报头新闻");
    }

    @Test
    void cutsALongTitleToThirtyCharactersButNotInsideANumber() {
        String title = "股票行情快报:洲明科技(300232)8月25日主力资金净卖出1032.64万元";
        String documentTitle = PageHeads.documentTitle(settings, title, null);
        String kept = documentTitle.substring(0, documentTitle.indexOf(" — 报头新闻"));
        assertThat(kept.codePointCount(0, kept.length())).isLessThanOrEqualTo(PageHeads.TITLE_CHARS);
        assertThat(kept).endsWith("…").doesNotContain("1032.6…").doesNotContain("103…");
        assertThat(title).startsWith(kept.substring(0, kept.length() - 1));
    }

    @Test
    void keepsThePageNumberOfALaterListPage() {
        assertThat(PageHeads.documentTitle(settings, "体育", "第2页")).isEqualTo("体育 — 第2页 — 报头新闻");
    }

    @Test
    void makesImageAndLinkAddressesAbsolute() {
        assertThat(PageHeads.absolute(BASE, "/media/a.jpg")).isEqualTo(BASE + "/media/a.jpg");
        assertThat(PageHeads.absolute(BASE, "https://img.example.cn/a.jpg")).isEqualTo("https://img.example.cn/a.jpg");
        assertThat(PageHeads.absolute(BASE, "//img.example.cn/a.jpg")).isEqualTo("https://img.example.cn/a.jpg");
        assertThat(PageHeads.absolute(BASE, "a.jpg")).isNull();
        assertThat(PageHeads.absolute(BASE, "javascript:alert(1)")).isNull();
        assertThat(PageHeads.absolute(BASE, null)).isNull();
    }

    @Test
    void imagesAreTheCoverThenTheFiguresEachOnce() {
        ArticleDetail a = new ArticleDetail(1, "标题", null, "<p>正文</p>", null, "正文", ArticleStatus.PUBLISHED, Instant.EPOCH, Instant.EPOCH,
                Instant.EPOCH, null, null, null, List.of(), List.of(), "/media/cover.jpg",
                List.of(new Figure("https://img.example.cn/a.jpg", "【资料图】"), new Figure("/media/cover.jpg", null)), 0);
        assertThat(PageHeads.images(BASE, a)).containsExactly(BASE + "/media/cover.jpg", "https://img.example.cn/a.jpg");
    }
}
