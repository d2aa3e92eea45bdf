package org.masthead.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Charset choice on real Chinese bytes, with labels that lie. The text is from the demo set's press
 * releases (public domain), encoded here into GBK and, as Traditional Chinese, into Big5.
 */
class TextDecodingTest {

    static final String SIMPLIFIED = "为拓展台南与日本城市更多元的合作契机，台南市长黄伟哲13日率观光旅游局及多位公协会代表，拜会东京都町田市长，"
            + "就地方政府与职业球队携手推动城市发展经验进行交流，期盼开启两市在运动、观光、物产等各方面的合作。"
            + "黄市长并介绍台南拥有丰富的历史、文化与美食，同时与日本渊源深厚，也对国际旅客友善。";
    static final String TRADITIONAL = Transliterator.getInstance("Hans-Hant").transliterate(SIMPLIFIED).replace("啓", "啟");
    static final Charset GBK = Charset.forName("GBK");
    static final Charset BIG5 = Charset.forName("Big5");

    static byte[] rss(String text, Charset charset, String prologEncoding) {
        String prolog = prologEncoding == null ? "<?xml version=\"1.0\"?>" : "<?xml version=\"1.0\" encoding=\"" + prologEncoding + "\"?>";
        return (prolog + "<rss version=\"2.0\"><channel><title>新闻</title><item><title>" + text.substring(0, 20) + "</title><description>" + text
                + "</description></item></channel></rss>").replace("新闻", charset.equals(BIG5) ? "新聞" : "新闻").getBytes(charset);
    }

    @ParameterizedTest(name = "GBK bytes, header {0}, prolog {1}")
    @CsvSource(nullValues = "-", value = {"-, gb2312", "utf-8, gb2312", "big5, gbk", "gbk, big5", "iso-8859-1, -", "-, -", "big5, -", "utf-8, utf-8"})
    void readsGbkWhateverTheLabelsSay(String header, String prolog) {
        TextDecoding.Decoded decoded = TextDecoding.decode(rss(SIMPLIFIED, GBK, prolog), header);

        assertThat(decoded.text()).as(decoded.reason()).contains(SIMPLIFIED);
        assertThat(decoded.charset().name()).isEqualTo("GB18030");
    }

    @ParameterizedTest(name = "Big5 bytes, header {0}, prolog {1}")
    @CsvSource(nullValues = "-", value = {"-, big5", "utf-8, big5", "gbk, big5", "big5, gb2312", "iso-8859-1, -", "-, -", "gb2312, -", "utf-8, utf-8"})
    void readsBig5WhateverTheLabelsSay(String header, String prolog) {
        assertThat(new String(TRADITIONAL.getBytes(BIG5), BIG5)).as("the sample is all Big5").isEqualTo(TRADITIONAL);

        TextDecoding.Decoded decoded = TextDecoding.decode(rss(TRADITIONAL, BIG5, prolog), header);

        assertThat(decoded.text()).as(decoded.reason()).contains(TRADITIONAL);
        assertThat(decoded.charset().name()).isEqualTo("Big5-HKSCS");
    }

    @Test
    void utf8BytesAreUtf8EvenWhenLabelledGbk() {
        TextDecoding.Decoded decoded = TextDecoding.decode(rss(SIMPLIFIED, StandardCharsets.UTF_8, "gbk"), "gb2312");

        assertThat(decoded.text()).contains(SIMPLIFIED);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aByteOrderMarkWinsAndIsDropped() {
        byte[] body = rss(SIMPLIFIED, StandardCharsets.UTF_16LE, "gbk");
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);

        TextDecoding.Decoded decoded = TextDecoding.decode(withBom, "big5");

        assertThat(decoded.text()).startsWith("<?xml").contains(SIMPLIFIED);
    }

    @Test
    void latinTextLabelledLatin1StaysLatin() {
        byte[] body = "<rss><channel><title>Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, na\u00efve r\u00e9sum\u00e9</title></channel></rss>".getBytes(StandardCharsets.ISO_8859_1);

        TextDecoding.Decoded decoded = TextDecoding.decode(body, "iso-8859-1");

        assertThat(decoded.text()).contains("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e");
    }

    @Test
    void readsTheSogouGb18030SamplesWithNoLabel() throws IOException {
        Path file = Path.of(System.getProperty("masthead.shared", "../shared"), "corpus/sogoucs-sogouca-samples/news_sohusite_xml.smarty.dat");
        assumeTrue(Files.isReadable(file), "corpus absent: " + file);
        byte[] bytes = Files.readAllBytes(file);

        TextDecoding.Decoded decoded = TextDecoding.decode(bytes, null);

        assertThat(decoded.charset().name()).isEqualTo("GB18030");
        assertThat(decoded.text()).contains("深圳地铁将设立ＶＩＰ头等车厢");
    }

    @Test
    void readsFeedparsersUnlabelledChineseSamples() throws IOException {
        Path dir = Path.of(System.getProperty("masthead.shared", "../shared"), "corpus/feedparser-tests/tests/illformed/chardet");
        assumeTrue(Files.isDirectory(dir), "corpus absent: " + dir);

        assertThat(TextDecoding.decode(Files.readAllBytes(dir.resolve("gb2312.xml")), null).text()).contains("不归移民漫画系列：专业工作");
        TextDecoding.Decoded big5 = TextDecoding.decode(Files.readAllBytes(dir.resolve("big5.xml")), null);
        assertThat(big5.charset().name()).isEqualTo("Big5-HKSCS");
    }
}
