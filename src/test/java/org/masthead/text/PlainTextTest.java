package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void separatesParagraphsWithASingleNewline() {
        assertThat(PlainText.fromHtml("<p>第一段。</p><p>第二段。</p>\n\n<p>第三段。</p>"))
                .isEqualTo("第一段。\n第二段。\n第三段。");
    }

    @Test
    void startsALineAtEveryBlockElement() {
        String html = "<h1>标题</h1><div>导语</div><ul><li>一</li><li>二</li></ul>"
                + "<blockquote>引文</blockquote><table><tr><td>甲</td><td>乙</td></tr></table>"
                + "<h6>小标题</h6><section><p>正文</p></section>";
        assertThat(PlainText.fromHtml(html)).isEqualTo("标题\n导语\n一\n二\n引文\n甲\n乙\n小标题\n正文");
    }

    @Test
    void breaksTheLineAtBrButNeverLeavesABlankLine() {
        assertThat(PlainText.fromHtml("第一行<br>第二行<br><br><br>第三行<br/>"))
                .isEqualTo("第一行\n第二行\n第三行");
        assertThat(PlainText.fromHtml("<p>一</p><p></p><p> </p><p>&nbsp;</p><div><br></div><p>二</p>"))
                .isEqualTo("一\n二");
    }

    @Test
    void keepsInlineElementsInTheFlowOfTheLine() {
        assertThat(PlainText.fromHtml("<p>洲明科技<b>(300232)</b>报收于<span>7</span>.<em>3</em>元,"
                        + "<a href=\"/s\">下跌</a>2.93%</p>"))
                .isEqualTo("洲明科技(300232)报收于7.3元,下跌2.93%");
    }

    @Test
    void foldsOtherWhitespaceRunsToOneSpaceAndTrimsEachLine() {
        assertThat(PlainText.fromHtml("<p>  电讯报记者 \n\t Matt   Law\n跟进报道  </p>"))
                .isEqualTo("电讯报记者 Matt Law 跟进报道");
        assertThat(PlainText.fromHtml("<p>Matt <b> Law</b></p>")).isEqualTo("Matt Law");
    }

    @Test
    void foldsNoBreakAndIdeographicSpacesUsedForIndentation() {
        assertThat(PlainText.fromHtml("<p>&nbsp;&nbsp;&nbsp;&nbsp;8月28日下午,宝山教育</p><p>\u3000\u3000陈杰强调</p>"))
                .isEqualTo("8月28日下午,宝山教育\n陈杰强调");
    }

    @Test
    void decodesEntities() {
        assertThat(PlainText.fromHtml("<p>A&amp;B &lt;i&gt; &quot;引号&quot; &#20013;&#x6587; &copy; &hellip;</p>"))
                .isEqualTo("A&B <i> \"引号\" 中文 © …");
    }

    @Test
    void putsTheFigureCaptionOnItsOwnLine() {
        String html = "<p>会议召开。</p><figure><img src=\"a.jpg\" alt=\"会场\"><figcaption>【资料图】</figcaption></figure>"
                + "<p>区委副书记、区长高奕奕授予荣誉。</p>";
        assertThat(PlainText.fromHtml(html)).isEqualTo("会议召开。\n【资料图】\n区委副书记、区长高奕奕授予荣誉。");
    }

    @Test
    void ignoresScriptsStylesAndComments() {
        assertThat(PlainText.fromHtml("<style>p{color:red}</style><p>正文<!-- 广告 --></p>"
                        + "<script>alert('x')</script><noscript>请启用脚本</noscript><template><p>模板</p></template>"))
                .isEqualTo("正文");
    }

    @Test
    void keepsTheLineBreaksOfPreformattedText() {
        assertThat(PlainText.fromHtml("<pre>第一行\n  第二行\n\n第三行</pre>")).isEqualTo("第一行\n第二行\n第三行");
    }

    @Test
    void givesAnEmptyStringForNullBlankOrTextlessHtml() {
        assertThat(PlainText.fromHtml(null)).isEmpty();
        assertThat(PlainText.fromHtml("  \n ")).isEmpty();
        assertThat(PlainText.fromHtml("<p><img src=\"a.jpg\"></p><br>")).isEmpty();
    }

    @Test
    void readsPlainTextWithoutTagsAsOneLine() {
        assertThat(PlainText.fromHtml("证券交易印花税今起减半征收")).isEqualTo("证券交易印花税今起减半征收");
    }

    @Test
    void givesTheArticleTextThatExcerptsAreMadeFrom() {
        String html = "<div class=\"article\">\n  <p>截至2023年8月25日收盘,洲明科技(300232)报收于7.3元,下跌2.93%,换手率1.15%。</p>\n"
                + "  <p>资金流向方面,主力资金净卖出1032.64万元。</p>\n</div>";
        String text = PlainText.fromHtml(html);
        assertThat(text)
                .isEqualTo("截至2023年8月25日收盘,洲明科技(300232)报收于7.3元,下跌2.93%,换手率1.15%。\n"
                        + "资金流向方面,主力资金净卖出1032.64万元。");
        assertThat(Excerpt.of(text, 36)).isEqualTo("截至2023年8月25日收盘,洲明科技(300232)报收于7.3元,…");
        assertThat(Excerpt.of(text, 57)).endsWith("换手率1.15%。 资金流…");
    }
}
