package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.text.BodyHtml.fromPlainText;
import static org.masthead.text.BodyHtml.sanitize;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BodyHtmlTest {

    private static final String REL = "rel=\"nofollow noopener noreferrer\"";

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertThat(sanitize(null)).isEmpty();
        assertThat(sanitize("")).isEmpty();
        assertThat(fromPlainText(null)).isEmpty();
        assertThat(fromPlainText(" \n\u3000\n")).isEmpty();
    }

    @Test
    void keepsFiguresWithCaptions() {
        assertThat(sanitize("<figure><img src=\"https://img.example.cn/a.jpg\" alt=\"\"><figcaption>【资料图】</figcaption></figure>"))
                .isEqualTo("<figure><img src=\"https://img.example.cn/a.jpg\" alt=\"\" loading=\"lazy\"><figcaption>【资料图】</figcaption></figure>");
    }

    @Test
    void keepsParagraphsAndInlineFormatting() {
        String html = "<p>新华社<br><strong>北京</strong><b>5月1日</b><em>电</em><i>（记者）</i><u>下划线</u><s>删除</s>"
                + "H<sub>2</sub>O，E=mc<sup>2</sup></p>";
        assertThat(sanitize(html)).isEqualTo(html);
    }

    @Test
    void mapsH1ToH2() {
        assertThat(sanitize("<h1>标题</h1><h3>小标题</h3>")).isEqualTo("<h2>标题</h2><h3>小标题</h3>");
    }

    @Test
    void keepsHeadingsTwoToSix() {
        String html = "<h2>二</h2><h3>三</h3><h4>四</h4><h5>五</h5><h6>六</h6>";
        assertThat(sanitize(html)).isEqualTo(html);
    }

    @Test
    void renumbersHeadingsThatSkipALevel() {
        assertThat(sanitize("<h3>一</h3><p>x</p><h5>二</h5><h4>三</h4><h2>四</h2><h6>五</h6>"))
                .isEqualTo("<h2>一</h2><p>x</p><h3>二</h3><h3>三</h3><h2>四</h2><h3>五</h3>");
    }

    @Test
    void keepsTablesWithCellSpans() {
        String html = "<table><caption>2024年经济数据</caption>"
                + "<thead><tr><th colspan=\"2\">季度</th></tr></thead>"
                + "<tbody><tr><td rowspan=\"2\">一季度</td><td>5.3%</td></tr><tr><td>5.2%</td></tr></tbody>"
                + "<tfoot><tr><td colspan=\"2\">来源：国家统计局</td></tr></tfoot></table>";
        assertThat(sanitize(html)).isEqualTo(html);
    }

    @Test
    void dropsObsoleteAndNonNumericTableAttributes() {
        assertThat(sanitize("<table border=\"1\" align=\"center\" bgcolor=\"red\" width=\"100%\" cellpadding=\"2\">"
                + "<tr valign=\"top\"><td rowspan=\"x\" nowrap width=\"50\" scope=\"row\">a</td></tr></table>"))
                .isEqualTo("<table><tbody><tr><td>a</td></tr></tbody></table>");
    }

    @Test
    void keepsLists() {
        String html = "<ul><li>一</li><li>二<ol><li>甲</li></ol></li></ul><dl><dt>术语</dt><dd>解释</dd></dl>";
        assertThat(sanitize(html)).isEqualTo(html);
        assertThat(sanitize("<ul><li>a<li>b</ul>")).isEqualTo("<ul><li>a</li><li>b</li></ul>");
    }

    @Test
    void keepsQuotesCodeRulesAndAbbreviations() {
        String html = "<blockquote><p>引文</p><cite>《人民日报》</cite></blockquote><p><q>短引</q> <abbr title=\"世界卫生组织\">世卫</abbr>"
                + " <span>span</span></p><div>div</div><pre><code>x &lt; y &amp;&amp; z</code></pre><hr>";
        assertThat(sanitize(html)).isEqualTo(html);
    }

    @Test
    void keepsTimeOnlyWithAValidDatetime() {
        assertThat(sanitize("<time datetime=\"2024-05-01\">5月1日</time>")).isEqualTo("<time datetime=\"2024-05-01\">5月1日</time>");
        assertThat(sanitize("<time datetime=\"2024-05-01T08:30+08:00\">早上</time>"))
                .isEqualTo("<time datetime=\"2024-05-01T08:30+08:00\">早上</time>");
        assertThat(sanitize("<time datetime=\"2024-02-30\">没有这天</time>")).isEqualTo("没有这天");
        assertThat(sanitize("<time>2024年5月1日</time>")).isEqualTo("2024年5月1日");
    }

    @Test
    void leavesSiteLinksWithoutRel() {
        String html = "<a href=\"/news/1.html\">内</a><a href=\"2.html\">相对</a><a href=\"#top\">顶</a><a href=\"?page=2\">下页</a>";
        assertThat(sanitize(html)).isEqualTo(html);
    }

    @Test
    void forcesRelOnExternalLinksAndDropsTarget() {
        assertThat(sanitize("<a href=\"https://www.example.cn/\" target=\"_blank\" rel=\"opener\">外</a>"))
                .isEqualTo("<a href=\"https://www.example.cn/\" " + REL + ">外</a>");
        assertThat(sanitize("<a href=\"//evil.example/\">协议相对</a>")).isEqualTo("<a href=\"//evil.example/\" " + REL + ">协议相对</a>");
        assertThat(sanitize("<a href=\"mailto:news@example.cn\">信</a>")).isEqualTo("<a href=\"mailto:news@example.cn\" " + REL + ">信</a>");
        assertThat(sanitize("<a href=\"/\\evil.example/\">x</a>")).contains(REL);
    }

    @Test
    void dropsJavascriptVbscriptAndDataUrls() {
        for (String url : new String[] {
                "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                "&#106;avascript:alert(1)", "&#x6A;avascript&#x3A;alert(1)", "javascript&colon;alert(1)",
                "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "livescript:x", "file:///etc/passwd"}) {
            assertThat(sanitize("<a href=\"" + url + "\">点我</a>")).as(url).isEqualTo("点我");
        }
    }

    @Test
    void dropsDataImages() {
        assertThat(sanitize("<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"图\">文</p>")).isEqualTo("<p>文</p>");
    }

    @Test
    void keepsImagesFromHttpOrSiteRelativeSourcesOnly() {
        assertThat(sanitize("<img src=\"http://img.example.cn/a.jpg\" alt=\"a\">")).isEqualTo("<img src=\"http://img.example.cn/a.jpg\" alt=\"a\" loading=\"lazy\">");
        assertThat(sanitize("<img src=\"/upload/a.jpg\" alt=\"a\">")).isEqualTo("<img src=\"/upload/a.jpg\" alt=\"a\" loading=\"lazy\">");
        assertThat(sanitize("<img src=\"//cdn.example.cn/a.jpg\" alt=\"a\">")).isEqualTo("<img src=\"//cdn.example.cn/a.jpg\" alt=\"a\" loading=\"lazy\">");
        assertThat(sanitize("<img src=\"a.jpg\" alt=\"a\">")).isEmpty();
        assertThat(sanitize("<img src=\"mailto:a@example.cn\">")).isEmpty();
        assertThat(sanitize("<img alt=\"no source\">")).isEmpty();
    }

    @Test
    void addsEmptyAltAndKeepsOnlyNumericDimensions() {
        assertThat(sanitize("<img src=\"/a.jpg\" width=\"640\" height=\"50%\" title=\"题\" border=\"0\" align=\"left\" srcset=\"/b.jpg 2x\">"))
                .isEqualTo("<img src=\"/a.jpg\" width=\"640\" title=\"题\" alt=\"\" loading=\"lazy\">");
    }

    @Test
    void dropsScriptsAndStylesWithTheirContent() {
        assertThat(sanitize("<p>前</p><script>alert(1)</script><style>p{color:red}</style><noscript>ns</noscript><p>后</p>"))
                .isEqualTo("<p>前</p><p>后</p>");
    }

    @Test
    void dropsFormsAndControls() {
        assertThat(sanitize("<form action=\"/x\"><input name=\"q\" value=\"v\"><button formaction=\"javascript:alert(1)\">按钮</button>"
                + "<select><option>选项</option></select><textarea>文本</textarea></form>"))
                .doesNotContain("<form", "<input", "<button", "<select", "<option", "<textarea", "action", "javascript");
    }

    @Test
    void dropsAllIframesObjectsAndEmbeds() {
        assertThat(sanitize("<iframe src=\"https://v.qq.com/txp/iframe/player.html?vid=x\"></iframe>"
                + "<object data=\"/a.swf\"><param name=\"a\" value=\"b\"></object><embed src=\"/a.swf\"><p>正文</p>"))
                .isEqualTo("<p>正文</p>");
    }

    @Test
    void stripsEventHandlers() {
        assertThat(sanitize("<p onclick=\"alert(1)\" onmouseover=alert(2)>文<img src=\"/a.jpg\" alt=\"\" onerror=\"alert(3)\" onload=x></p>"))
                .isEqualTo("<p>文<img src=\"/a.jpg\" alt=\"\" loading=\"lazy\"></p>");
    }

    @Test
    void stripsStyleClassIdAndObsoleteAttributes() {
        assertThat(sanitize("<p style=\"color:red\" class=\"lead\" id=\"p1\" align=\"center\" lang=\"en\">文</p>"
                + "<div style=\"background:url(javascript:alert(1))\">块</div><font color=\"red\">字</font><center>中</center>"))
                .isEqualTo("<p>文</p><div>块</div>字中");
    }

    @Test
    void dropsSvgAndMath() {
        assertThat(sanitize("<svg onload=\"alert(1)\"><circle r=\"1\"/><script>alert(2)</script></svg><math><mi>x</mi></math>"))
                .doesNotContain("<svg", "<math", "<circle", "<mi", "alert");
    }

    @Test
    void dropsMetaLinkAndBase() {
        assertThat(sanitize("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"><link rel=\"stylesheet\" href=\"/x.css\">"
                + "<base href=\"https://evil.example/\"><p>文</p>"))
                .isEqualTo("<p>文</p>");
    }

    @Test
    void chineseTextRoundTripsExactly() {
        String html = "<p>　　新华社北京5月1日电（记者王某）“五一”假期首日，全国铁路发送旅客2000万人次！"
                + "【资料图】《人民日报》：‘好’——是吗？……；〔注〕「引号」『书名』～𠀀𪚥😀 a+b=c @example {x}</p>";
        assertThat(sanitize(html)).isEqualTo(html);
    }

    @Test
    void escapedCharactersRoundTripExactly() {
        String html = "<p>A &amp; B &lt;script&gt; C&nbsp;D \"E\" 'F'</p><a href=\"/s?a=1&amp;b=2\">链接</a>";
        assertThat(sanitize(html)).isEqualTo(html);
    }

    @Test
    void namedEntitiesBecomeTheCharactersTheyStandFor() {
        assertThat(sanitize("<p>&copy;&ldquo;新闻&rdquo;&hellip;&mdash;&#x4E2D;&#25991;&quot;</p>")).isEqualTo("<p>©“新闻”…—中文\"</p>");
    }

    @Test
    void tidiesUrlsTheNuCheckerWouldReject() {
        assertThat(sanitize("<a href=\"/search?q=[新闻]&amp;x=&quot;y&quot;#a#b\">s</a><img src=\"/图片/a b.jpg\" alt=\"\">"))
                .isEqualTo("<a href=\"/search?q=%5B新闻%5D&amp;x=%22y%22#a%23b\">s</a><img src=\"/图片/a%20b.jpg\" alt=\"\" loading=\"lazy\">");
    }

    @Test
    void repairsStructureThatHtml5Forbids() {
        assertThat(sanitize("<figcaption>孤</figcaption>")).isEqualTo("<div>孤</div>");
        assertThat(sanitize("<figure><p>a</p><figcaption>中</figcaption><p>b</p></figure>"))
                .isEqualTo("<figure><p>a</p><div>中</div><p>b</p></figure>");
        assertThat(sanitize("<figure><figcaption>一</figcaption><img src=\"/a.jpg\" alt=\"\"><figcaption>二</figcaption></figure>"))
                .isEqualTo("<figure><figcaption>一</figcaption><img src=\"/a.jpg\" alt=\"\" loading=\"lazy\"><div>二</div></figure>");
        assertThat(sanitize("<dt>术语</dt><dd>解释</dd>")).isEqualTo("<div>术语</div><div>解释</div>");
        assertThat(sanitize("<dl><dd>缩进</dd></dl>")).isEqualTo("<div><div>缩进</div></div>");
        assertThat(sanitize("<select>选项</select>")).isEqualTo("<ul><li>选项</li></ul>");
        assertThat(sanitize("<span><p>一</p><p>二</p></span>")).isEqualTo("<p>一</p><p>二</p>");
        assertThat(sanitize("<b><p>一</p><p>二</p></b>")).isEqualTo("<b>一<br>二</b>");
        assertThat(sanitize("<h3><div>标题</div></h3>")).isEqualTo("<h2>标题</h2>");
        assertThat(sanitize("<em><ul><li>列表</li></ul></em>")).isEqualTo("<ul><li>列表</li></ul>");
    }

    @Test
    void neverThrowsOnHostileInput() {
        String deep = "<div>".repeat(5000) + "深" + "</div>".repeat(10);
        String[] inputs = {
                "\uD800 lone \uDFFF surrogates", "nul\u0000 and \u0001 controls \u0085 \uFFFE", "<!-- unclosed", "<![CDATA[<script>]]>",
                "<p title=\"" + "\"".repeat(1000), "</p></div></table>", "<<<>>>", "<a href=" + "x".repeat(100_000) + ">", deep,
                "<table><td><table><td>" + "<tr>".repeat(300), "&#0;&#xD800;&#x110000;&#9999999999;"};
        for (String input : inputs) {
            String once = sanitize(input);
            assertThat(once).as(input.length() > 60 ? input.substring(0, 60) : input).isNotNull().isEqualTo(sanitize(once));
        }
    }

    @Test
    void sanitizingTwiceChangesNothing() {
        String article = "<h1>标题</h1><p>导语，<a href=\"https://example.cn/\" target=\"_blank\">链接</a>。</p>"
                + "<figure><img src=\"/a.jpg\"><figcaption>图</figcaption></figure><table><tr><td>1</td></tr></table>"
                + "<ul>\n  <li>一</li>\n  <nav><ul><li>二</li></ul></nav>\n</ul>{{angular}}";
        String once = sanitize(article);
        assertThat(sanitize(once)).isEqualTo(once);
    }

    @Test
    void fromPlainTextEscapesScriptTags() {
        assertThat(fromPlainText("<script>alert('x')</script> & <b>")).isEqualTo("<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;</p>");
        assertThat(Jsoup.parseBodyFragment(fromPlainText("<script>alert(1)</script>")).select("script")).isEmpty();
    }

    @Test
    void fromPlainTextSplitsParagraphsOnBlankLines() {
        assertThat(fromPlainText("　　第一段。\n\n　　第二段。\r\n\r\n\r\n第三段。\n \u3000\n第四段。"))
                .isEqualTo("<p>第一段。</p><p>第二段。</p><p>第三段。</p><p>第四段。</p>");
    }

    @Test
    void fromPlainTextTurnsSingleNewlinesIntoBreaks() {
        assertThat(fromPlainText("第一行\n第二行\r\n第三行\r第四行\n\n另一段")).isEqualTo("<p>第一行<br>第二行<br>第三行<br>第四行</p><p>另一段</p>");
    }

    @Test
    void fromPlainTextIsAlreadySanitized() {
        String html = fromPlainText("a < b && \"c\"\n{{x}}\u0001\n\n𠀀😀，。");
        assertThat(sanitize(html)).isEqualTo(html);
    }
}
