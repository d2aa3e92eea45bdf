package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.junit.jupiter.api.Test;

class ImageEncodingTest {

    private final ImageCheck check = new ImageCheck(40_000_000);
    private final ImageEncoding encoding = new ImageEncoding(0.86f);

    private byte[] storedFrom(byte[] upload) {
        ImageCheck.Decoded decoded = check.check(upload);
        BufferedImage image = ImageEncoding.orient(ImageEncoding.normalise(decoded.image()), decoded.orientation());
        return encoding.encode(image, ImageEncoding.outputFor(decoded.format(), image));
    }

    @Test
    void theFixtureReallyCarriesGpsSoTheNextTestMeansSomething() throws Exception {
        byte[] upload = TestImages.jpegWithGps(TestImages.halves(80, 40), 1);
        JpegImageMetadata metadata = (JpegImageMetadata) Imaging.getMetadata(upload);
        assertThat(metadata.getExif().getGpsInfo()).isNotNull();
        assertThat(metadata.getExif().getGpsInfo().getLatitudeAsDegreesNorth()).isCloseTo(39.9087, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void stripsExifAndGpsAndEveryOtherSegment() throws Exception {
        byte[] upload = TestImages.jpegWithComment(TestImages.jpegWithGps(TestImages.halves(80, 40), 1), "SECRET-COMMENT");
        byte[] stored = storedFrom(upload);
        ImageMetadata metadata = Imaging.getMetadata(stored);
        assertThat(metadata == null || ((JpegImageMetadata) metadata).getExif() == null).as("no EXIF left").isTrue();
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Exif").doesNotContain("SecretCam").doesNotContain("SECRET-COMMENT").doesNotContain("GPS");
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(stored))) {
            assertThat(JPEGSegmentUtil.readSegments(in, JPEGSegmentUtil.APP_SEGMENTS)).as("only the JFIF header among APPn segments")
                    .allSatisfy(s -> assertThat(s.marker()).isEqualTo(JPEG.APP0));
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(80);
    }

    @Test
    void turnsThePictureUprightBeforeStrippingTheOrientation() throws Exception {
        // Stored 80×40, left half red; orientation 6 means "turn 90° clockwise to view": 40×80, red on top.
        byte[] stored = storedFrom(TestImages.jpegWithGps(TestImages.halves(80, 40), 6));
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(shown.getWidth()).isEqualTo(40);
        assertThat(shown.getHeight()).isEqualTo(80);
        assertThat(red(shown.getRGB(20, 10))).isGreaterThan(200);
        assertThat(blue(shown.getRGB(20, 70))).isGreaterThan(200);
        assertThat(ImageCheck.jpegOrientation(stored)).isEqualTo(1);
    }

    @Test
    void everyOrientationLandsRedWhereItShould() {
        BufferedImage image = TestImages.halves(80, 40);
        // Where the red half ends up: orientation → (x, y) of a pixel that must be red and one that must be blue.
        int[][] expected = {{}, {10, 20, 70, 20}, {70, 20, 10, 20}, {70, 20, 10, 20}, {10, 20, 70, 20}, {20, 10, 20, 70}, {20, 10, 20, 70}, {20, 70, 20, 10},
            {20, 70, 20, 10}};
        for (int o = 1; o <= 8; o++) {
            BufferedImage out = ImageEncoding.orient(image, o);
            int[] e = expected[o];
            assertThat(red(out.getRGB(e[0], e[1]))).as("orientation %d red", o).isGreaterThan(200);
            assertThat(blue(out.getRGB(e[2], e[3]))).as("orientation %d blue", o).isGreaterThan(200);
        }
    }

    @Test
    void thumbnailsKeepTheProportions() {
        BufferedImage thumb = ImageEncoding.thumbnail(TestImages.photo(1600, 900), 640);
        assertThat(thumb.getWidth()).isEqualTo(640);
        assertThat(thumb.getHeight()).isEqualTo(360);
    }

    @Test
    void keepsTransparencyInPngAndDropsAGifsMetadata() throws Exception {
        BufferedImage alpha = new BufferedImage(30, 30, BufferedImage.TYPE_INT_ARGB);
        alpha.setRGB(5, 5, 0x80FF0000);
        byte[] stored = storedFrom(TestImages.encode(alpha, "png"));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(back.getColorModel().hasAlpha()).isTrue();
        assertThat(back.getRGB(0, 0) >>> 24).isZero();
        assertThat(ImageEncoding.outputFor(ImageFormat.GIF, TestImages.halves(2, 2))).isEqualTo(ImageEncoding.Output.PNG);
    }

    /** Measured, not asserted tightly: the time to turn a 12-megapixel camera JPEG into the stored file and three thumbnails. */
    @Test
    void measuresA4000By3000Jpeg() {
        byte[] upload = TestImages.encode(TestImages.photo(4000, 3000), "jpeg");
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            ImageCheck.Decoded decoded = check.check(upload);
            BufferedImage image = ImageEncoding.orient(ImageEncoding.normalise(decoded.image()), decoded.orientation());
            long t1 = System.nanoTime();
            byte[] stored = encoding.encode(image, ImageEncoding.Output.JPEG);
            long t2 = System.nanoTime();
            for (int width : new int[] {320, 640, 1280}) {
                encoding.encode(ImageEncoding.thumbnail(image, width), ImageEncoding.Output.JPEG);
            }
            long t3 = System.nanoTime();
            best[0] = Math.min(best[0], t1 - t0);
            best[1] = Math.min(best[1], t2 - t1);
            best[2] = Math.min(best[2], t3 - t2);
            assertThat(stored.length).isGreaterThan(0);
        }
        System.out.printf("4000x3000 JPEG (%d KB): check+decode %d ms, re-encode %d ms, three thumbnails %d ms (best of 3)%n", upload.length / 1024,
                best[0] / 1_000_000, best[1] / 1_000_000, best[2] / 1_000_000);
        assertThat(best[0] + best[1] + best[2]).as("whole upload under 10 s even on a busy 2-core machine").isLessThan(10_000_000_000L);
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }
}
