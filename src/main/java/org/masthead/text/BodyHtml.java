package org.masthead.text;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Article body HTML: an allowlist sanitiser built on the OWASP {@link HtmlPolicyBuilder}.
 *
 * <p>Kept: {@code p br h2–h6} ({@code h1} becomes {@code h2}: the page title is the only {@code h1}),
 * {@code strong b em i u s sub sup blockquote q cite ul ol li dl dt dd pre code hr span div figure
 * figcaption abbr time}, tables ({@code table caption thead tbody tfoot tr th td}, with numeric
 * {@code colspan}/{@code rowspan}), links and images:
 * <ul>
 *   <li>{@code a href}: http, https, mailto or relative. Every link that is not plainly on this site
 *       (a relative path, {@code /…}, {@code #…}, {@code ?…}) gets
 *       {@code rel="nofollow noopener noreferrer"}; {@code target} and any given {@code rel} are dropped.
 *   <li>{@code img}: only with a {@code src} that is http(s) or starts with {@code /}; {@code alt}
 *       (added empty when missing, as HTML5 requires), {@code title}, numeric {@code width}/{@code height};
 *       {@code loading="lazy"} is added.
 *   <li>{@code time} keeps a {@code datetime} only when it is a valid HTML date, month, time or date-time;
 *       a {@code time} without one is unwrapped (its text stays), since HTML5 would then require its text
 *       to be such a value. {@code abbr} keeps {@code title}.
 * </ul>
 *
 * <p>Dropped with their content: {@code script}, {@code style} and the like. Dropped elements whose text
 * is ordinary (unknown tags, {@code form}, {@code button}…) leave their text behind. Never kept: forms and
 * controls, {@code iframe} (all of them: there is no allowlist of video hosts; an embed needs a
 * feature of its own), {@code object}, {@code embed}, {@code svg}, {@code math}, {@code meta},
 * {@code link}, {@code base}, any event-handler ({@code on*}), {@code style}, {@code class}, {@code id}
 * or obsolete presentational attribute ({@code align}, {@code border}…), and every URL whose scheme is
 * not listed above ({@code javascript:}, {@code vbscript:}, {@code data:} — data: images too).
 *
 * <p>The OWASP sanitiser writes its output with every full-width punctuation mark, astral character
 * and {@code + = @} as a numeric character reference, which would turn each Chinese comma into
 * {@code &#xff0c;}. Its output is therefore parsed with jsoup, given the few HTML5 content-model
 * repairs the OWASP tag balancer leaves out ({@code BodyStructure}), and written out again as UTF-8
 * that escapes only {@code & < > "} and no-break spaces. None of these steps adds an attribute or an
 * element the policy did not allow, and the result is meant to be stable:
 * {@code sanitize(sanitize(x)).equals(sanitize(x))}.
 */
public final class BodyHtml {

    /** The {@code rel} forced on every link that leaves the site. */
    private static final String EXTERNAL_LINK_REL = "nofollow noopener noreferrer";

    private static final System.Logger LOG = System.getLogger(BodyHtml.class.getName());

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** HTML "valid non-negative integer", kept short. */
    private static final Pattern DIMENSION = Pattern.compile("[0-9]{1,5}");

    /** colspan 1–1000 and rowspan 0–65534 in HTML5; 1–999 covers both. */
    private static final Pattern CELL_SPAN = Pattern.compile("[1-9][0-9]{0,2}");

    /** A relative URL that stays on this site: fragment, query, path-absolute (not //… or /\…) or path. */
    private static final Pattern SITE_RELATIVE =
            Pattern.compile("[#?].*|/(?![/\\\\]).*|(?![/\\\\])[^:/?#]*(?:[/?#].*)?", Pattern.DOTALL);

    /** Image sources: http(s), or starting with / (site-relative; protocol-relative is http(s) too). */
    private static final Pattern IMAGE_SOURCE = Pattern.compile("(?i)(?:https?:|/).*", Pattern.DOTALL);

    /** The shapes of HTML's valid month, date, local/global date-time and time strings; ranges are checked apart. */
    private static final Pattern DATETIME = Pattern.compile("(\\d{4,})-(\\d\\d)"
            + "(?:-(\\d\\d)(?:[T ](\\d\\d):(\\d\\d)(?::(\\d\\d)(?:\\.\\d{1,3})?)?(?:Z|[+-](\\d\\d):?(\\d\\d))?)?)?"
            + "|(\\d\\d):(\\d\\d)(?::(\\d\\d)(?:\\.\\d{1,3})?)?");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p", "br", "h2", "h3", "h4", "h5", "h6",
                    "strong", "b", "em", "i", "u", "s", "sub", "sup",
                    "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd", "pre", "code", "hr",
                    "span", "div", "figure", "figcaption", "img", "a",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "abbr", "time")
            .allowElements((name, attrs) -> "h2", "h1")
            .allowElements((name, attrs) -> "ul", "dir", "menu")
            .allowWithoutAttributes("span")
            .disallowWithoutAttributes("time")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src").matching(IMAGE_SOURCE).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("title").onElements("img", "abbr")
            .allowAttributes("width", "height").matching(DIMENSION).onElements("img")
            .allowAttributes("colspan", "rowspan").matching(CELL_SPAN).onElements("td", "th")
            .allowAttributes("datetime").matching(BodyHtml::isDatetime).onElements("time")
            .allowElements(BodyHtml::image, "img")
            .allowElements(BodyHtml::link, "a")
            .toFactory();

    private BodyHtml() {
    }

    /** Body HTML made safe: allowlisted markup only. Never throws on any input; null → "". */
    public static String sanitize(String untrustedHtml) {
        if (untrustedHtml == null || untrustedHtml.isEmpty()) {
            return "";
        }
        try {
            return reserialize(POLICY.sanitize(untrustedHtml));
        } catch (RuntimeException e) {
            // Not expected: the OWASP sanitiser and jsoup accept any string. Keep the words, shown as text.
            LOG.log(System.Logger.Level.WARNING, "body HTML could not be sanitised; kept as escaped text", e);
            try {
                return reserialize(Entities.escape(untrustedHtml));
            } catch (RuntimeException again) {
                return "";
            }
        }
    }

    /**
     * Plain text with blank-line-separated paragraphs → "<p>…</p>" paragraphs, text HTML-escaped, single
     * newlines inside a paragraph → <br>.
     *
     * <p>Lines are trimmed (so the full-width-space indent of Chinese paragraphs goes); a line of nothing
     * but white space separates paragraphs. The result has gone through {@link #sanitize}, so it is
     * byte for byte what {@code sanitize} would make of it.
     */
    public static String fromPlainText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        Document doc = Document.createShell("");
        Element paragraph = null;
        for (String line : text.split("\\R", -1)) {
            String words = line.strip();
            if (words.isEmpty()) {
                paragraph = null;
                continue;
            }
            if (paragraph == null) {
                paragraph = doc.body().appendElement("p");
            } else {
                paragraph.appendElement("br");
            }
            paragraph.appendText(words);
        }
        return sanitize(write(doc.body()));
    }

    private static String reserialize(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        BodyStructure.repair(body);
        return write(body);
    }

    private static String write(Element body) {
        body.ownerDocument().outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base)
                .syntax(Document.OutputSettings.Syntax.html);
        return body.html();
    }

    /** img: dropped without a (allowed) src; alt="" added when missing; lazy loading. */
    private static String image(String name, List<String> attrs) {
        int src = valueIndex(attrs, "src");
        if (src < 0) {
            return null;
        }
        attrs.set(src, tidyUrl(attrs.get(src)));
        if (valueIndex(attrs, "alt") < 0) {
            attrs.add("alt");
            attrs.add("");
        }
        attrs.add("loading");
        attrs.add("lazy");
        return name;
    }

    /** a: rel forced on every link that is not plainly on this site. Runs after the href was vetted. */
    private static String link(String name, List<String> attrs) {
        int href = valueIndex(attrs, "href");
        if (href >= 0) {
            attrs.set(href, tidyUrl(attrs.get(href)));
            if (!isSiteRelative(attrs.get(href))) {
                attrs.add("rel");
                attrs.add(EXTERNAL_LINK_REL);
            }
        }
        return name;
    }

    /**
     * Percent-encodes the characters that HTML5 forbids in a URL and a browser would encode itself
     * ({@code " ` < > { } | ^}, white space, a {@code %} not starting an escape, a second {@code #},
     * square brackets in the query or fragment), so the Nu checker accepts links pasted from the web.
     * Runs after OWASP vetted the scheme; it never touches {@code :} or a letter, so the scheme stays what was vetted.
     */
    private static String tidyUrl(String url) {
        StringBuilder tidy = new StringBuilder(url.length() + 16);
        boolean queryOrFragment = false;
        boolean fragment = false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean encode = switch (c) {
                case '"', '`', '<', '>', '{', '}', '|', '^', ' ', '\t', '\n', '\r', '\f' -> true;
                case '%' -> !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)));
                case '[', ']' -> queryOrFragment;
                case '#' -> fragment;
                default -> false;
            };
            if (c == '?' || c == '#') {
                queryOrFragment = true;
                fragment |= c == '#';
            }
            if (encode) {
                tidy.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                tidy.append(c);
            }
        }
        return tidy.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isSiteRelative(String url) {
        return SITE_RELATIVE.matcher(url.strip()).matches();
    }

    private static boolean isDatetime(String value) {
        Matcher m = DATETIME.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            if (m.group(1) != null) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                if (month.getYear() < 1) {
                    return false;
                }
                if (m.group(3) != null) {
                    LocalDate.of(month.getYear(), month.getMonthValue(), Integer.parseInt(m.group(3)));
                }
                if (m.group(4) != null) {
                    LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                }
                if (m.group(7) != null) {
                    ZoneOffset.ofHoursMinutes(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)));
                }
            } else {
                LocalTime.of(Integer.parseInt(m.group(9)), Integer.parseInt(m.group(10)),
                        m.group(11) == null ? 0 : Integer.parseInt(m.group(11)));
            }
            return true;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    /** Index of the value of the named attribute in OWASP's name, value, name, value… list, or -1. */
    private static int valueIndex(List<String> attrs, String name) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (name.equals(attrs.get(i))) {
                return i + 1;
            }
        }
        return -1;
    }
}
