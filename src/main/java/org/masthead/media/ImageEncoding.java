package org.masthead.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Writes pictures from their pixels alone: the EXIF orientation is applied to the pixels first, then
 * the image is encoded anew with no metadata at all (no EXIF, GPS, XMP, IPTC, comments or ICC
 * profile — colours are converted to sRGB on decoding). Thumbnails are scaled by Thumbnailator.
 */
final class ImageEncoding {

    /** What a stored image is written as: JPEG for opaque photos, PNG for transparency and lossless sources. */
    enum Output {
        JPEG("jpg", "image/jpeg"),
        PNG("png", "image/png");

        private final String extension;
        private final String mime;

        Output(String extension, String mime) {
            this.extension = extension;
            this.mime = mime;
        }

        String extension() {
            return extension;
        }

        String mime() {
            return mime;
        }

        static Output ofExtension(String extension) {
            for (Output o : values()) {
                if (o.extension.equals(extension)) {
                    return o;
                }
            }
            return null;
        }
    }

    private final float jpegQuality;

    ImageEncoding(float jpegQuality) {
        this.jpegQuality = jpegQuality;
    }

    /**
     * JPEGs stay JPEG; PNG and GIF become PNG (lossless: screenshots, charts); WebP becomes JPEG unless
     * it has transparency. A GIF keeps its first frame only.
     */
    static Output outputFor(ImageFormat format, BufferedImage image) {
        return switch (format) {
            case JPEG -> Output.JPEG;
            case PNG, GIF -> Output.PNG;
            case WEBP -> image.getColorModel().hasAlpha() ? Output.PNG : Output.JPEG;
        };
    }

    /**
     * The pixels in plain 8-bit sRGB (with alpha if they have it): colours of an embedded ICC profile,
     * grey, indexed and 16-bit images converted, so the encoders write nothing but pixels.
     */
    static BufferedImage normalise(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = image.getType();
        boolean plain = image.getColorModel().getColorSpace().isCS_sRGB()
                && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_4BYTE_ABGR);
        if (plain) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The pixels as they are meant to be seen: EXIF orientation 1 to 8 applied (1 leaves them as they are). */
    static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        // x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12 (AffineTransform's argument order: m00, m10, m01, m11, m02, m12)
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turn 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transverse
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // turn 90° anticlockwise
            default -> null;
        };
        if (t == null) {
            return image;
        }
        boolean swap = orientation >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The picture scaled to this width (height in proportion); never called with a width above the image's. */
    static BufferedImage thumbnail(BufferedImage image, int width) {
        try {
            return Thumbnails.of(image).width(width).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image encoded with nothing but its pixels. */
    byte[] encode(BufferedImage image, Output output) {
        BufferedImage pixels = output == Output.JPEG ? opaque(image) : image;
        ImageWriter writer = ImageIO.getImageWritersByFormatName(output == Output.JPEG ? "jpeg" : "png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (output == Output.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
                if (param.canWriteProgressive()) {
                    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
                }
            }
            // Default metadata for the image type: a bare JFIF header for JPEG, IHDR alone for PNG.
            var metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(pixels), param);
            writer.write(null, new IIOImage(pixels, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Three 8-bit channels, transparency over white: what a JPEG can hold. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
