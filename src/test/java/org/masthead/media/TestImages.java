package org.masthead.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Pictures and disguised files made in the test, so each fixture shows how it was built. */
public final class TestImages {

    private TestImages() {}

    /** A picture whose left half is red and right half blue, so turning and mirroring show. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** A noisy photo-like picture (gradients and noise), so JPEG sizes are realistic. */
    public static BufferedImage photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(40)) & 0xff;
                int g = (y * 255 / height + random.nextInt(40)) & 0xff;
                int b = ((x + y) * 128 / (width + height) + random.nextInt(40)) & 0xff;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(int width, int height) {
        return encode(halves(width, height), "jpeg");
    }

    /** A JPEG with EXIF: GPS position (Tiananmen, 39.9087 N 116.3975 E), camera make and the given orientation. */
    public static byte[] jpegWithGps(BufferedImage image, int orientation) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(116.3975, 39.9087);
            TiffOutputDirectory root = exif.getOrCreateRootDirectory();
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            root.add(TiffTagConstants.TIFF_TAG_MAKE, "SecretCam");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(encode(image, "jpeg"), out, exif);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A ZIP archive holding one class-like file: appended to a GIF it makes a GIFAR. */
    public static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("Evil.class"));
            zip.write(ascii("not really a class, but a JAR reader would open it"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG whose comment segment (COM, 0xFFFE) holds the text: inside the image, before its end marker. */
    public static byte[] jpegWithComment(byte[] jpeg, String comment) {
        byte[] text = ascii(comment);
        int length = text.length + 2;
        byte[] segment = new byte[2 + length];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xFE;
        segment[2] = (byte) (length >> 8);
        segment[3] = (byte) length;
        System.arraycopy(text, 0, segment, 4, text.length);
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2); // SOI
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** A PNG signature and IHDR chunk declaring a huge size, with no pixel data: a decompression bomb's header. */
    public static byte[] pngDeclaring(int width, int height) {
        byte[] png = encode(halves(4, 4), "png");
        png[16] = (byte) (width >>> 24);
        png[17] = (byte) (width >>> 16);
        png[18] = (byte) (width >>> 8);
        png[19] = (byte) width;
        png[20] = (byte) (height >>> 24);
        png[21] = (byte) (height >>> 16);
        png[22] = (byte) (height >>> 8);
        png[23] = (byte) height;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17); // chunk type + data
        long value = crc.getValue();
        png[29] = (byte) (value >>> 24);
        png[30] = (byte) (value >>> 16);
        png[31] = (byte) (value >>> 8);
        png[32] = (byte) value;
        return png;
    }
}
