package org.masthead.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags items that are likely advertising or content-farm filler rather than news, so they go to review
 * instead of being published: the kinds the seed page's latest list carries (a hospital ad headlined
 * 上海哪里白癜风医院好, "今天0471房产来聊聊一篇…" filler titled "X(关于X简述)", Q&amp;A scraps that end in
 * 本文到此分享完毕). Each signal adds to a score; an item scoring {@value #FLAG_AT} or more is flagged,
 * and the reasons name the signals, as message keys ({@code quality.reason.*}) for the review screen.
 * Measured on seed-page items and Sina news in bench/README.md, "quality".
 */
public final class Quality {

    /** The score from which an item is flagged. */
    public static final int FLAG_AT = 3;

    /** The verdict: the score, whether that flags the item, and the reason keys, strongest first. */
    public record Verdict(int score, boolean flagged, List<String> reasons) {

        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    private record Signal(String reason, int weight, Pattern pattern, boolean titleOnly) {}

    /** Phone numbers: mobile, landline with area code, 400/800 hotlines. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<!\\d)(?:1[3-9]\\d[-\\s]?\\d{4}[-\\s]?\\d{4}|0\\d{2,3}[-－—]?\\d{7,8}|[48]00[-－—]?\\d{3}[-－—]?\\d{4})(?!\\d)");

    private static final List<Signal> SIGNALS = List.of(
            // Medical advertising: "which hospital is good for X", named diseases of the ad trade.
            new Signal("hospital-ad", 3, Pattern.compile("哪[里家个](?:[^，。？！\\s]{0,8})医院(?:好|最好|比较好|靠谱)|(?:白癜风|牛皮癣|银屑病|癫痫|不孕不育|男科|妇科|包皮|早泄|阳痿|狐臭|尖锐湿疣|腋臭)(?:医院|专科|治疗|患者)"), false),
            new Signal("consult-hotline", 2, Pattern.compile("(?:咨询|预约|挂号|免费|24小时)(?:热线|电话|专线)|在线咨询|免费咨询|扫码(?:咨询|加微)|加微信|微信号[:：]"), false),
            // Content farms: the title pattern "X(关于X简述)" / "(对于X简单介绍)", and their stock phrases.
            new Signal("content-farm-title", 3, Pattern.compile("[（(](?:关于|对于)[^（()）]{1,40}(?:简述|简单介绍|的介绍|详细介绍|相关内容)[)）]"), true),
            new Signal("content-farm-phrase", 3, Pattern.compile("本文到此分享完毕|今天[^，。]{0,12}来聊聊一篇|聊聊一篇|你们好[,，]今天|我来为大家解答|希望能帮助到您|选为满意回答|仅仅是赞同不算采纳|亲~|网友们对这件事情都比较关注"), false),
            new Signal("download-bait", 3, Pattern.compile("txt(?:微盘|下载|全集)|全文免费阅读|百度云(?:资源|网盘)|迅雷下载"), false),
            // Q&A scraps: a question or "大全" for a title, an answer list starting "1、" for a text.
            new Signal("question-title", 1, Pattern.compile("(?:是多少|是什么|怎么(?:教育|办|样|做)|大全|哪里[^，。]{0,8}好|演员表|详细地址)"), true),
            new Signal("superlatives", 1, Pattern.compile("(?:最好|最佳|第一|顶级|首选|权威|特效|根治|无效退款|包治|100%治愈|震惊|必看|速看|赶紧|转疯了)"), false));

    private Quality() {}

    /**
     * Scores an item by its title and plain text (either may be null).
     *
     * @param linkCount links in the body ({@code <a href>}), for the share of link text; 0 when unknown
     */
    public static Verdict assess(String title, String plainText, int linkCount) {
        String t = title == null ? "" : title;
        String body = plainText == null ? "" : plainText.substring(0, Math.min(plainText.length(), Summary.READ_CHARS));
        String all = t + "\n" + body;
        int score = 0;
        List<String> reasons = new ArrayList<>();
        for (Signal signal : SIGNALS) {
            Matcher m = signal.pattern().matcher(signal.titleOnly() ? t : all);
            int hits = 0;
            while (m.find()) {
                hits++;
            }
            if (hits > 0) {
                int weight = signal.reason().equals("superlatives") ? Math.min(hits / 3, 2) : signal.weight();
                if (weight > 0) {
                    score += weight;
                    reasons.add(signal.reason());
                }
            }
        }
        if (body.stripLeading().replaceFirst("^[,，:：\\s]+", "").startsWith("1、")) {
            score += 2;
            reasons.add("numbered-answer");
        }
        Matcher phone = PHONE.matcher(all);
        int phones = 0;
        while (phone.find()) {
            phones++;
        }
        if (phones > 0) {
            score += phones >= 2 ? 2 : 1;
            reasons.add("phone-number");
        }
        int chars = body.codePointCount(0, body.length());
        if (linkCount >= 5 && chars / linkCount < 60) { // a list of links, not an article
            score += 2;
            reasons.add("link-density");
        }
        if (!t.isBlank() && chars > 0 && chars < 40) {
            score += 1;
            reasons.add("thin-text");
        }
        return new Verdict(score, score >= FLAG_AT, reasons.stream().map(r -> "quality.reason." + r).toList());
    }
}
