package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.media.Rendition;
import org.masthead.text.BodyHtml;

/** Library images in an article body get srcset, sizes and dimensions; everything else stays byte for byte. */
class ResponsiveImagesTest {

    private static final String HASH = "ab" + "c".repeat(62);
    private static final String URL = "/media/ab/" + HASH + ".jpg";
    private static final Rendition WIDE = new Rendition(URL, 1400, 700, "海边", List.of(
            new Rendition.Thumbnail("/media/ab/" + HASH + "-320.jpg", 320), new Rendition.Thumbnail("/media/ab/" + HASH + "-640.jpg", 640),
            new Rendition.Thumbnail("/media/ab/" + HASH + "-1280.jpg", 1280)));
    private static final String SMALL_URL = "/media/cd/cd" + "0".repeat(62) + ".png";
    private static final Rendition SMALL = new Rendition(SMALL_URL, 300, 200, "", List.of());
    private static final Map<String, Rendition> LIBRARY = Map.of(URL, WIDE, SMALL_URL, SMALL);
    private static final String SRCSET = "/media/ab/" + HASH + "-320.jpg 320w, /media/ab/" + HASH + "-640.jpg 640w, /media/ab/" + HASH + "-1280.jpg 1280w, "
            + URL + " 1400w";

    @Test
    void aLibraryImageInTheSanitisedBodyGetsItsThumbnailsSizesAndDimensions() {
        String body = BodyHtml.sanitize("<p>会场。</p><figure><img src=\"" + URL + "\" alt=\"会场\"><figcaption>资料图</figcaption></figure>");
        assertThat(ResponsiveImages.sources(body)).containsExactly(URL);
        assertThat(ResponsiveImages.rewrite(body, LIBRARY, ResponsiveImages.COLUMN, false)).isEqualTo("<p>会场。</p><figure><img src=\"" + URL
                + "\" alt=\"会场\" width=\"1400\" height=\"700\" srcset=\"" + SRCSET + "\" sizes=\"" + ResponsiveImages.COLUMN
                + "\" loading=\"lazy\" decoding=\"async\"><figcaption>资料图</figcaption></figure>");
    }

    @Test
    void theFirstImageLoadsAtOnceWhenNothingIsAboveItAndTheOthersLazily() {
        String body = BodyHtml.sanitize("<p><img src=\"" + URL + "\" alt=\"\"></p><p>正文</p><p><img src=\"" + SMALL_URL + "\" alt=\"小图\"></p>");
        String rewritten = ResponsiveImages.rewrite(body, LIBRARY, ResponsiveImages.COLUMN, true);
        assertThat(rewritten).startsWith("<p><img src=\"" + URL + "\" alt=\"\" width=\"1400\" height=\"700\" srcset=\"" + SRCSET + "\" sizes=\""
                + ResponsiveImages.COLUMN + "\"></p>");
        // No thumbnail narrower than 300 pixels: the image alone, with its width descriptor.
        assertThat(rewritten).endsWith("<p><img src=\"" + SMALL_URL + "\" alt=\"小图\" width=\"300\" height=\"200\" srcset=\"" + SMALL_URL + " 300w\" sizes=\""
                + ResponsiveImages.COLUMN + "\" loading=\"lazy\" decoding=\"async\"></p>");
    }

    @Test
    void imagesFromElsewhereAndThumbnailsAreLeftAsTheyAre() {
        String body = BodyHtml.sanitize("<p><img src=\"https://img.example.cn/a.jpg\" alt=\"外链\"></p><p><img src=\"https://img.example.cn" + URL
                + "\"></p><p><img src=\"/media/ab/" + HASH + "-640.jpg\"></p><p><img src=\"" + URL + "?v=2\"></p><p>不是图片：&lt;img src=\"" + URL
                + "\"&gt;</p><pre>&lt;img src=\"" + URL + "\"&gt;</pre>");
        assertThat(ResponsiveImages.rewrite(body, LIBRARY, ResponsiveImages.COLUMN, true)).isEqualTo(body);
        // Only an image of the library makes the first one eager: the external first image keeps its lazy loading.
        String mixed = BodyHtml.sanitize("<p><img src=\"https://img.example.cn/a.jpg\"></p><p><img src=\"" + URL + "\"></p>");
        assertThat(ResponsiveImages.rewrite(mixed, LIBRARY, ResponsiveImages.COLUMN, true)).startsWith(
                "<p><img src=\"https://img.example.cn/a.jpg\" alt=\"\" loading=\"lazy\"></p>").contains("loading=\"lazy\" decoding=\"async\"></p>");
        assertThat(ResponsiveImages.rewrite(body, Map.of(), ResponsiveImages.COLUMN, true)).isSameAs(body);
    }

    @Test
    void anAuthorsSizeIsKeptAndTheOtherSideFollowsTheProportions() {
        String both = BodyHtml.sanitize("<img src=\"" + URL + "\" alt=\"\" width=\"400\" height=\"100\">");
        assertThat(ResponsiveImages.rewrite(both, LIBRARY, ResponsiveImages.COLUMN, false)).contains("width=\"400\" height=\"100\"").doesNotContain("1400\" height");
        String widthOnly = BodyHtml.sanitize("<img src=\"" + URL + "\" alt=\"\" width=\"400\">");
        assertThat(ResponsiveImages.rewrite(widthOnly, LIBRARY, ResponsiveImages.COLUMN, false)).contains("width=\"400\"", "height=\"200\"");
        String heightOnly = BodyHtml.sanitize("<img src=\"" + URL + "\" alt=\"\" height=\"350\">");
        assertThat(ResponsiveImages.rewrite(heightOnly, LIBRARY, ResponsiveImages.COLUMN, false)).contains("height=\"350\"", "width=\"700\"");
    }

    @Test
    void hostileMarkupNeverCarriesAnAttributeOfItsOwnIntoTheRewrittenTag() {
        // What the sanitiser stores of an attack: handlers, srcset and a javascript: URL are gone before this runs.
        String stored = BodyHtml.sanitize("<img src=\"" + URL + "\" onerror=\"alert(1)\" srcset=\"javascript:alert(1) 1w\" sizes=\"x\" style=\"x\" alt='\"><script>alert(2)</script>'>");
        String rewritten = ResponsiveImages.rewrite(stored, LIBRARY, ResponsiveImages.COLUMN, false);
        assertThat(rewritten).doesNotContain("onerror", "javascript:", "<script", "style=").contains("srcset=\"" + SRCSET + "\"");
        assertThat(BodyHtml.sanitize(rewritten.replaceAll(" (srcset|sizes|decoding|width|height)=\"[^\"]*\"", ""))).isEqualTo(BodyHtml.sanitize(stored));
        // A body stored by other means with srcset, sizes and loading of its own: those are replaced, the rest kept as written.
        String raw = "<p><img src=\"" + URL + "\" srcset=\"https://evil.example/x.jpg 1w\" sizes=\"1px\" loading=\"eager\" alt=\"图\" title=\"t\"></p>";
        assertThat(ResponsiveImages.rewrite(raw, LIBRARY, "7.5rem", false)).isEqualTo("<p><img src=\"" + URL + "\" alt=\"图\" title=\"t\" width=\"1400\" height=\"700\" srcset=\""
                + SRCSET + "\" sizes=\"7.5rem\" loading=\"lazy\" decoding=\"async\"></p>");
        // "<img" inside an attribute value can name no src in quotes (they are escaped), so nothing there is touched.
        String inTitle = BodyHtml.sanitize("<abbr title='<img src=\"" + URL + "\">'>缩写</abbr>");
        assertThat(ResponsiveImages.rewrite(inTitle, LIBRARY, ResponsiveImages.COLUMN, false)).isEqualTo(inTitle);
        // Tags of another shape (single quotes, unquoted values) are not the sanitiser's and are left alone.
        String odd = "<img src='" + URL + "'><img src=" + URL + ">";
        assertThat(ResponsiveImages.rewrite(odd, LIBRARY, ResponsiveImages.COLUMN, false)).isEqualTo(odd);
    }

    @Test
    void aCardShowsTheSmallThumbnailAndTheColumnTheImageItself() {
        ImageView card = ResponsiveImages.card(WIDE);
        assertThat(card.src()).isEqualTo("/media/ab/" + HASH + "-320.jpg");
        assertThat(card.srcset()).isEqualTo(SRCSET);
        assertThat(card.sizes()).isEqualTo("7.5rem");
        assertThat(card.alt()).isEmpty();
        assertThat(card.lazy()).isTrue();
        assertThat(ResponsiveImages.card(SMALL).src()).isEqualTo(SMALL_URL);
        ImageView cover = ResponsiveImages.column(WIDE, "海边", true);
        assertThat(cover).isEqualTo(new ImageView(URL, SRCSET, ResponsiveImages.COLUMN, 1400, 700, "海边", false, false));
    }

    /** An uncached article page has about 2 ms in all (issue #7): the scan must be a small part of it. */
    @Test
    void measuresALongBodyWithSixImages() {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            raw.append("<p>第").append(i).append("段，宝山区教育高质量发展推进会召开，会议总结了上学年的工作，部署了新学年的任务，区内学校代表交流经验。</p>");
            if (i % 7 == 3) {
                raw.append("<figure><img src=\"").append(i % 2 == 0 ? URL : "https://img.example.cn/" + i + ".jpg").append("\" alt=\"图").append(i)
                        .append("\"><figcaption>资料图</figcaption></figure>");
            }
        }
        String body = BodyHtml.sanitize(raw.toString());
        long best = Long.MAX_VALUE;
        String rewritten = null;
        for (int run = 0; run < 2_000; run++) {
            long t0 = System.nanoTime();
            List<String> sources = ResponsiveImages.sources(body);
            rewritten = ResponsiveImages.rewrite(body, LIBRARY, ResponsiveImages.COLUMN, true);
            best = Math.min(best, System.nanoTime() - t0);
            assertThat(sources).hasSize(6);
        }
        System.out.printf("body of %d characters, 6 images (3 of the library): sources + rewrite %d µs (best of 2000)%n", body.length(), best / 1_000);
        assertThat(rewritten).contains("srcset=");
        assertThat(best).as("well under the 2 ms of a whole uncached page").isLessThan(500_000L);
    }
}
