package org.masthead.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether uploaded bytes are one picture and nothing else, then decodes it.
 *
 * <ol>
 *   <li>The format comes from the first bytes (JPEG, PNG, GIF, WebP); the name and Content-Type the
 *       browser sent are never asked.
 *   <li>The container is walked to its end marker (JPEG EOI, PNG IEND, GIF trailer, RIFF length).
 *   <li>Polyglots are refused: markup a browser would run ({@code <script}, {@code <html}, …) anywhere in
 *       the file, a PDF header, or a ZIP archive (GIFAR and the like: a ZIP reader finds its directory
 *       at the end of the file, so it is looked for there and in anything after the end marker).
 *   <li>The declared size is checked against the pixel limit before a single pixel is decoded.
 *   <li>The picture is decoded by the reader of its sniffed format; failure means refusal.
 * </ol>
 * What passes is re-encoded from its pixels (ImageEncoding), so anything this check cannot see (data
 * in metadata, appended after the end marker, hidden in unused fields) is not stored either.
 */
final class ImageCheck {

    /** Markup a browser would act on if it ever took the file for HTML or SVG; matched ignoring case. */
    private static final List<String> MARKUP = List.of("<script", "<html", "<body", "<head", "<iframe", "<svg", "<?php", "<!doctype", "<object",
            "<embed", "<style", "<form", "<meta", "<link", "javascript:", "vbscript:");
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] ZIP_CENTRAL = {'P', 'K', 1, 2};
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    /** A ZIP's end-of-directory record is at most this far from the end of the file (22 bytes + a 64 KB comment). */
    private static final int ZIP_END_SEARCH = 22 + 0xFFFF;

    /** A decoded upload: its format and pixels, and the EXIF orientation (1 to 8) the pixels are to be shown in. */
    record Decoded(ImageFormat format, BufferedImage image, int orientation) {}

    private final long maxPixels;

    ImageCheck(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    Decoded check(byte[] bytes) {
        if (bytes.length == 0) {
            throw new MediaRefused(MediaRefused.Reason.EMPTY);
        }
        ImageFormat format = ImageFormat.sniff(bytes);
        if (format == null) {
            throw new MediaRefused(MediaRefused.Reason.NOT_AN_IMAGE);
        }
        // Markup in a broken image is still reported as what it is: the clearer of the two reasons.
        int end;
        MediaRefused broken = null;
        try {
            end = endOfImage(format, bytes);
        } catch (MediaRefused e) {
            broken = e;
            end = bytes.length;
        }
        String hidden = hiddenContent(bytes, end);
        if (hidden != null) {
            throw new MediaRefused(MediaRefused.Reason.POLYGLOT, hidden);
        }
        if (broken != null) {
            throw broken;
        }
        BufferedImage image = decode(format, bytes);
        int orientation = format == ImageFormat.JPEG ? jpegOrientation(bytes) : 1;
        return new Decoded(format, image, orientation);
    }

    /** What else the file is, in a word for the message ("HTML/脚本", "ZIP", "PDF"), or null when nothing was found. */
    static String hiddenContent(byte[] b, int endOfImage) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '<' || b[i] == 'j' || b[i] == 'J' || b[i] == 'v' || b[i] == 'V') {
                for (String m : MARKUP) {
                    if (startsWithIgnoringCase(b, i, m)) {
                        return "HTML/JavaScript";
                    }
                }
            } else if (b[i] == '%' && startsWith(b, i, PDF)) {
                return "PDF";
            }
        }
        for (int i = Math.max(0, b.length - ZIP_END_SEARCH); i < b.length; i++) {
            if (startsWith(b, i, ZIP_END)) {
                return "ZIP";
            }
        }
        for (int i = endOfImage; i < b.length; i++) {
            if (startsWith(b, i, ZIP_LOCAL) || startsWith(b, i, ZIP_CENTRAL)) {
                return "ZIP";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoringCase(byte[] b, int at, String ascii) {
        if (at + ascii.length() > b.length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            int c = b[at + k] & 0xff;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The offset just past the image's end marker; the length of the file when the marker is missing (a
     * truncated file is for the decoder to judge). Broken structure before that is refused.
     */
    static int endOfImage(ImageFormat format, byte[] b) {
        try {
            return switch (format) {
                case JPEG -> jpegEnd(b);
                case PNG -> pngEnd(b);
                case GIF -> gifEnd(b);
                case WEBP -> Math.min(b.length, 8 + (int) Math.min(Integer.MAX_VALUE - 8, u32le(b, 4)));
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            return b.length;
        }
    }

    private static int jpegEnd(byte[] b) {
        int i = 2;
        while (i + 1 < b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                throw new MediaRefused(MediaRefused.Reason.CORRUPT);
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD9) {
                return i + 2;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (length < 2) {
                throw new MediaRefused(MediaRefused.Reason.CORRUPT);
            }
            i += 2 + length;
            if (marker == 0xDA) {
                // Entropy-coded data: runs to the next marker that is not a stuffed 0xFF00 or a restart.
                while (i + 1 < b.length) {
                    if ((b[i] & 0xff) == 0xFF) {
                        int next = b[i + 1] & 0xff;
                        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                            i += 2;
                            continue;
                        }
                        if (next != 0xFF) {
                            break;
                        }
                    }
                    i++;
                }
            }
        }
        return b.length;
    }

    private static int pngEnd(byte[] b) {
        int i = 8;
        while (i + 8 <= b.length) {
            long length = u32be(b, i);
            boolean end = b[i + 4] == 'I' && b[i + 5] == 'E' && b[i + 6] == 'N' && b[i + 7] == 'D';
            long next = i + 12 + length;
            if (next > b.length) {
                return b.length;
            }
            i = (int) next;
            if (end) {
                return i;
            }
        }
        return b.length;
    }

    private static int gifEnd(byte[] b) {
        int packed = b[10] & 0xff;
        int i = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0);
        while (i < b.length) {
            int block = b[i] & 0xff;
            if (block == 0x3B) {
                return i + 1;
            } else if (block == 0x21) {
                i = skipSubBlocks(b, i + 2);
            } else if (block == 0x2C) {
                int local = b[i + 9] & 0xff;
                i += 10 + ((local & 0x80) != 0 ? 3 * (1 << ((local & 7) + 1)) : 0);
                i = skipSubBlocks(b, i + 1); // after the LZW minimum code size
            } else {
                throw new MediaRefused(MediaRefused.Reason.CORRUPT);
            }
        }
        return b.length;
    }

    private static int skipSubBlocks(byte[] b, int i) {
        while (i < b.length) {
            int size = b[i] & 0xff;
            i += 1 + size;
            if (size == 0) {
                break;
            }
        }
        return i;
    }

    private static long u32be(byte[] b, int i) {
        return ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    private static long u32le(byte[] b, int i) {
        return ((long) (b[i + 3] & 0xff) << 24) | ((b[i + 2] & 0xff) << 16) | ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff);
    }

    private BufferedImage decode(ImageFormat format, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format + ": is the TwelveMonkeys plugin on the class path?");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new MediaRefused(MediaRefused.Reason.CORRUPT);
            }
            if ((long) width * height > maxPixels) {
                throw new MediaRefused(MediaRefused.Reason.TOO_MANY_PIXELS, width, height, String.format(Locale.ROOT, "%.0f", maxPixels / 1e6));
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new MediaRefused(MediaRefused.Reason.CORRUPT);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRefused refused) {
                throw refused;
            }
            // Any failure of the decoder (IIOException, or the runtime exceptions broken data provokes) is a broken file.
            throw new MediaRefused(MediaRefused.Reason.CORRUPT);
        } finally {
            reader.dispose();
        }
    }

    /** The EXIF orientation of a JPEG, 1 (as stored) when it has none or it cannot be read. */
    static int jpegOrientation(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            try (InputStream data = exif.get(0).data()) {
                data.read(); // the pad byte after "Exif\0"
                try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                    Directory directory = new TIFFReader().read(tiff);
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                        return n.intValue();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Broken EXIF is no reason to refuse a picture that decodes: show it as stored.
        }
        return 1;
    }
}
