package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageCheckTest {

    private final ImageCheck check = new ImageCheck(40_000_000);

    private static MediaRefused.Reason reasonOf(Runnable r) {
        try {
            r.run();
        } catch (MediaRefused e) {
            return e.reason();
        }
        return null;
    }

    @Test
    void sniffsTheFourFormatsFromTheirContent() {
        BufferedImage image = TestImages.halves(40, 20);
        assertThat(check.check(TestImages.encode(image, "jpeg")).format()).isEqualTo(ImageFormat.JPEG);
        assertThat(check.check(TestImages.encode(image, "png")).format()).isEqualTo(ImageFormat.PNG);
        assertThat(check.check(TestImages.encode(image, "gif")).format()).isEqualTo(ImageFormat.GIF);
        assertThat(check.check(TestImages.encode(image, "png")).image().getWidth()).isEqualTo(40);
    }

    @Test
    void decodesAWebPWithTheTwelveMonkeysReader() throws Exception {
        // 1×1 lossy (VP8) and lossless (VP8L) WebPs, the ones browsers' feature tests (Modernizr) decode.
        for (String base64 : new String[] {"UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA", "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="}) {
            ImageCheck.Decoded decoded = check.check(java.util.Base64.getDecoder().decode(base64));
            assertThat(decoded.format()).isEqualTo(ImageFormat.WEBP);
            assertThat(decoded.image().getWidth()).isEqualTo(1);
        }
    }

    @Test
    void refusesTextHtmlAndAnImageNameOnSomethingElse() {
        assertThat(reasonOf(() -> check.check(TestImages.ascii("<html><script>alert(1)</script></html>")))).isEqualTo(MediaRefused.Reason.NOT_AN_IMAGE);
        assertThat(reasonOf(() -> check.check(TestImages.ascii("%PDF-1.7\n...")))).isEqualTo(MediaRefused.Reason.NOT_AN_IMAGE);
        assertThat(reasonOf(() -> check.check(TestImages.zip()))).isEqualTo(MediaRefused.Reason.NOT_AN_IMAGE);
        assertThat(reasonOf(() -> check.check(new byte[0]))).isEqualTo(MediaRefused.Reason.EMPTY);
    }

    @Test
    void refusesAJpegWithAScriptAfterItsEndMarker() {
        byte[] polyglot = TestImages.concat(TestImages.jpeg(40, 20), TestImages.ascii("<script>alert(document.cookie)</script>"));
        assertThat(reasonOf(() -> check.check(polyglot))).isEqualTo(MediaRefused.Reason.POLYGLOT);
    }

    @Test
    void refusesHtmlHiddenInAJpegCommentInsideTheImage() {
        byte[] polyglot = TestImages.jpegWithComment(TestImages.jpeg(40, 20), "<HTML><BODY onload=alert(1)>");
        assertThat(ImageCheck.endOfImage(ImageFormat.JPEG, polyglot)).isEqualTo(polyglot.length);
        assertThat(reasonOf(() -> check.check(polyglot))).isEqualTo(MediaRefused.Reason.POLYGLOT);
    }

    @Test
    void namesMarkupBehindAnImageSignatureEvenWhenTheRestIsNoImage() {
        assertThat(reasonOf(() -> check.check(TestImages.ascii("GIF89a<script>alert(1)</script>")))).isEqualTo(MediaRefused.Reason.POLYGLOT);
        assertThat(reasonOf(() -> check.check(TestImages.ascii("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000garbage")))).isEqualTo(MediaRefused.Reason.CORRUPT);
    }

    @Test
    void refusesAGifar() {
        byte[] gif = TestImages.encode(TestImages.halves(40, 20), "gif");
        byte[] gifar = TestImages.concat(gif, TestImages.zip());
        assertThat(ImageCheck.endOfImage(ImageFormat.GIF, gifar)).isEqualTo(gif.length);
        assertThat(reasonOf(() -> check.check(gifar))).isEqualTo(MediaRefused.Reason.POLYGLOT);
        assertThat(ImageCheck.hiddenContent(gifar, gif.length)).isEqualTo("ZIP");
    }

    @Test
    void refusesAPngThatIsAlsoAPdf() {
        byte[] png = TestImages.encode(TestImages.halves(40, 20), "png");
        byte[] polyglot = TestImages.concat(png, TestImages.ascii("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"));
        assertThat(ImageCheck.endOfImage(ImageFormat.PNG, polyglot)).isEqualTo(png.length);
        assertThat(reasonOf(() -> check.check(polyglot))).isEqualTo(MediaRefused.Reason.POLYGLOT);
    }

    @Test
    void acceptsHarmlessBytesAfterTheEndMarkerAndTheirReEncodingDropsThem() {
        // Cameras append data after EOI (multi-picture thumbnails, motion clips): not refused, but never stored.
        byte[] jpeg = TestImages.concat(TestImages.jpeg(40, 20), TestImages.ascii("TRAILING-CAMERA-DATA"));
        ImageCheck.Decoded decoded = check.check(jpeg);
        byte[] stored = new ImageEncoding(0.86f).encode(decoded.image(), ImageEncoding.Output.JPEG);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("TRAILING-CAMERA-DATA");
    }

    @Test
    void refusesADecompressionBombBeforeDecodingIt() {
        byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);
        MediaRefused refused = null;
        try {
            check.check(bomb);
        } catch (MediaRefused e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.reason()).isEqualTo(MediaRefused.Reason.TOO_MANY_PIXELS);
        assertThat(refused.arguments()).containsExactly(50_000, 50_000, "40");
    }

    @Test
    void refusesATruncatedImage() {
        byte[] png = TestImages.encode(TestImages.photo(200, 100), "png");
        byte[] cut = java.util.Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> check.check(cut)).isInstanceOf(MediaRefused.class)
                .satisfies(e -> assertThat(((MediaRefused) e).reason()).isEqualTo(MediaRefused.Reason.CORRUPT));
    }

    @Test
    void readsTheExifOrientation() {
        assertThat(ImageCheck.jpegOrientation(TestImages.jpegWithGps(TestImages.halves(40, 20), 6))).isEqualTo(6);
        assertThat(ImageCheck.jpegOrientation(TestImages.jpeg(40, 20))).isEqualTo(1);
    }
}
