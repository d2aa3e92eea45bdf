package org.masthead.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.masthead.article.ArticleCard;
import org.masthead.media.ImageRenditions;
import org.masthead.media.Rendition;
import org.springframework.stereotype.Component;

/**
 * Library images on reader pages get their thumbnails as {@code srcset}, a {@code sizes} for where they
 * stand, and {@code width}/{@code height}; every other image is left as it is.
 *
 * <p>Done when a page is rendered, not when an article is saved: the stored body stays what the
 * sanitiser made of it (so articles stored before this, and any later change of thumbnail widths, need no
 * migration), and rendered pages are kept by the page cache anyway. A page asks {@link ImageRenditions}
 * once for all its images; those are held in memory, so an article page costs no statement for them once
 * its images have been seen.
 */
@Component
class ResponsiveImages {

    /**
     * The article column ({@code site.css}): the whole width less the 1rem margins on a narrow screen,
     * two thirds of it less the 2rem gap from 56rem, and at most 2/3 × (72rem − 4rem) ≈ 45.3rem.
     */
    static final String COLUMN = "(min-width: 72rem) 45.4rem, (min-width: 56rem) calc((100vw - 4rem) * 2 / 3), calc(100vw - 2rem)";

    /** A card's picture: {@code .card-image} is 7.5rem wide. */
    static final String CARD = "7.5rem";

    /** The file a card shows when the browser reads no srcset: 320 pixels covers 7.5rem up to a 2.5× screen. */
    static final int CARD_SOURCE = 320;

    private final ImageRenditions renditions;

    ResponsiveImages(ImageRenditions renditions) {
        this.renditions = renditions;
    }

    /** The library images among these addresses, asked for together. */
    Map<String, Rendition> lookUp(Stream<String> urls) {
        List<String> candidates = urls.filter(ImageRenditions::looksLikeLibraryImage).distinct().toList();
        return candidates.isEmpty() ? Map.of() : renditions.of(candidates);
    }

    /** The covers of these cards that are library images, asked for together. */
    Map<String, Rendition> covers(Stream<ArticleCard> cards) {
        return lookUp(cards.map(ArticleCard::coverImage).filter(java.util.Objects::nonNull));
    }

    /** A card's small picture: the 320-pixel thumbnail as src, decorative (the title beside it says what it is). */
    static ImageView card(Rendition r) {
        return new ImageView(r.atLeast(CARD_SOURCE), r.srcset(), CARD, r.width(), r.height(), "", true, true);
    }

    /** A picture in the article column: the cover (eager, the first image of the page) or a figure. */
    static ImageView column(Rendition r, String alt, boolean eager) {
        return new ImageView(r.url(), r.srcset(), COLUMN, r.width(), r.height(), alt, !eager, !eager);
    }

    /** The {@code <img>} tags of sanitised body HTML: {@code <img} and attributes, each valueless or in double quotes. */
    private static final Pattern IMG = Pattern.compile("<img((?:\\s+[a-zA-Z][a-zA-Z0-9_:.-]*(?:=\"[^\"]*\")?)*)\\s*/?>");

    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([a-zA-Z][a-zA-Z0-9_:.-]*)(?:=\"([^\"]*)\")?");

    private static final Pattern DIMENSION = Pattern.compile("[1-9][0-9]{0,4}");

    /** Attributes this class decides for a library image; whatever the body had for them is replaced. */
    private static final List<String> DECIDED = List.of("srcset", "sizes", "loading", "decoding", "fetchpriority");

    /** The {@code src} of every image in the body, as written. */
    static List<String> sources(String html) {
        List<String> sources = new ArrayList<>();
        if (html == null || !html.contains("<img")) {
            return sources;
        }
        Matcher img = IMG.matcher(html);
        while (img.find()) {
            String src = attributes(img.group(1)).get("src");
            if (src != null) {
                sources.add(src);
            }
        }
        return sources;
    }

    /**
     * The body with srcset, sizes, width and height on each library image, which loads lazily unless it is
     * the body's first image and {@code eagerFirst}; any other tag, text or image is left byte for byte.
     *
     * <p>The body is the sanitiser's output (jsoup's serialisation: lower-case names, values in double
     * quotes with {@code "} escaped), so a plain scan finds its images. Text cannot hold {@code <img} (its
     * {@code <} is escaped); an attribute value can, but there no {@code src="…"} can follow (its quotes are
     * escaped), so such a match names no library image and is left alone. A tag of any other shape is left
     * as it is, as is every image whose src is not the address of a library original.
     */
    static String rewrite(String html, Map<String, Rendition> renditions, String sizes, boolean eagerFirst) {
        if (html == null || renditions.isEmpty() || !html.contains("<img")) {
            return html;
        }
        Matcher img = IMG.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 512 * renditions.size());
        boolean first = true;
        while (img.find()) {
            Map<String, String> attributes = attributes(img.group(1));
            Rendition r = renditions.get(attributes.get("src"));
            boolean eager = first && eagerFirst;
            first = false;
            if (r == null) {
                continue;
            }
            img.appendReplacement(out, Matcher.quoteReplacement(tag(attributes, r, sizes, eager)));
        }
        img.appendTail(out);
        return out.toString();
    }

    private static String tag(Map<String, String> attributes, Rendition r, String sizes, boolean eager) {
        DECIDED.forEach(attributes::remove);
        String width = attributes.get("width");
        String height = attributes.get("height");
        boolean givenWidth = width != null && DIMENSION.matcher(width).matches();
        boolean givenHeight = height != null && DIMENSION.matcher(height).matches();
        // A size the author gave is kept (it is how large the picture is to be shown); the other side follows the proportions.
        if (givenWidth && !givenHeight) {
            attributes.put("height", String.valueOf(Math.max(1, Math.round(Integer.parseInt(width) * (double) r.height() / r.width()))));
        } else if (givenHeight && !givenWidth) {
            attributes.put("width", String.valueOf(Math.max(1, Math.round(Integer.parseInt(height) * (double) r.width() / r.height()))));
        } else if (!givenWidth) {
            attributes.put("width", String.valueOf(r.width()));
            attributes.put("height", String.valueOf(r.height()));
        }
        attributes.put("srcset", r.srcset());
        attributes.put("sizes", sizes);
        if (!eager) {
            attributes.put("loading", "lazy");
            attributes.put("decoding", "async");
        }
        StringBuilder tag = new StringBuilder(256).append("<img");
        attributes.forEach((name, value) -> {
            tag.append(' ').append(name);
            if (value != null) {
                tag.append("=\"").append(value).append('"');
            }
        });
        return tag.append('>').toString();
    }

    /** Name to value as written (null for a valueless attribute), in order; the first of a repeated name wins, as in browsers. */
    private static Map<String, String> attributes(String list) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(list);
        while (a.find()) {
            attributes.putIfAbsent(a.group(1).toLowerCase(java.util.Locale.ROOT), a.group(2));
        }
        return attributes;
    }
}
