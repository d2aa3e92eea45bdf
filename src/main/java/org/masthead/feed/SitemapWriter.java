package org.masthead.feed;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one sitemap file (a sitemap index, a URL set or a Google News URL set) with the JDK's StAX
 * writer, entry by entry, straight to the output: nothing but the current entry is held in memory.
 *
 * <p>It refuses an entry ({@code add} returns false) once the file holds {@code maxEntries} or the
 * entry would take the file past {@link #MAX_BYTES}. The byte count is known before anything is
 * written: the markup of an entry is measured once with this same writer, and each text adds its
 * UTF-8 length with the writer's escapes ({@code &amp; &lt; &gt;}).
 */
final class SitemapWriter {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** Most entries of one file (sitemaps.org). */
    static final int MAX_URLS = 50_000;
    /** Most bytes of one file, uncompressed: 50 MB (sitemaps.org: 52,428,800 bytes). */
    static final long MAX_BYTES = 50L * 1024 * 1024;
    /** Longest {@code loc} the sitemap schema accepts ({@code tLoc}); longer ones are left out. */
    static final int MAX_LOC = 2048;
    /** The longest lastmod this writer produces: milliseconds and a numeric offset. */
    static final int MAX_TIME_CHARS = "2023-08-29T09:18:41.123+08:00".length();

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

    /** The three kinds of file, with their root and entry elements. */
    enum Kind {
        INDEX("sitemapindex", "sitemap"),
        URLS("urlset", "url"),
        NEWS("urlset", "url");

        final String root;
        final String entry;
        /** Bytes of the document around the entries, and of one entry's markup without its texts. */
        private long frameBytes;
        private long entryMarkupBytes;

        Kind(String root, String entry) {
            this.root = root;
            this.entry = entry;
        }
    }

    static {
        for (Kind kind : Kind.values()) {
            long one = referenceDocument(kind, 1);
            long two = referenceDocument(kind, 2);
            long entry = two - one;
            kind.frameBytes = one - entry;
            kind.entryMarkupBytes = entry - referenceTextBytes(kind);
        }
    }

    private final Writer out;
    private final XMLStreamWriter xml;
    private final Kind kind;
    private final ZoneId zone;
    private final int maxEntries;
    private long bytes;
    private int entries;
    private int skipped;

    private SitemapWriter(Writer out, Kind kind, ZoneId zone, int maxEntries) {
        this.out = out;
        this.kind = kind;
        this.zone = zone;
        this.maxEntries = Math.min(maxEntries, MAX_URLS);
        this.bytes = kind.frameBytes;
        try {
            this.xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(SITEMAP_NS);
            xml.writeStartElement(SITEMAP_NS, kind.root);
            xml.writeDefaultNamespace(SITEMAP_NS);
            if (kind == Kind.NEWS) {
                xml.setPrefix("news", NEWS_NS);
                xml.writeNamespace("news", NEWS_NS);
            }
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw unchecked(e);
        }
    }

    /** Starts a file on {@code out} (which it never closes); times are written in {@code zone}. */
    static SitemapWriter start(OutputStream out, Kind kind, ZoneId zone, int maxEntries) {
        return new SitemapWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), kind, zone, maxEntries);
    }

    /**
     * How many article entries of at most {@code worstLoc} fit one URL-set file: the configured
     * number, or fewer when so many long entries would pass {@link #MAX_BYTES}.
     */
    static int capacity(int wanted, String worstLoc) {
        long perEntry = Kind.URLS.entryMarkupBytes + textBytes(worstLoc) + MAX_TIME_CHARS;
        long fit = (MAX_BYTES - Kind.URLS.frameBytes) / perEntry;
        return (int) Math.max(1, Math.min(Math.min(wanted, MAX_URLS), fit));
    }

    /** A {@code <sitemap>} of an index or a {@code <url>} of a URL set; false when the file is full. */
    boolean add(String loc, Instant lastmod) {
        if (kind == Kind.NEWS) {
            throw new IllegalStateException("a news sitemap entry needs its publication, date and title");
        }
        String time = lastmod == null ? null : w3c(lastmod, zone);
        if (tooLong(loc)) {
            return true;
        }
        // Without a lastmod the entry is 19 bytes shorter than counted: the count stays an upper bound.
        long size = kind.entryMarkupBytes + textBytes(loc) + (time == null ? 0 : time.length());
        if (!room(size)) {
            return false;
        }
        try {
            xml.writeStartElement(SITEMAP_NS, kind.entry);
            element(SITEMAP_NS, "loc", loc);
            if (time != null) {
                element(SITEMAP_NS, "lastmod", time);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw unchecked(e);
        }
        return counted(size);
    }

    /** A {@code <url>} with its {@code <news:news>} block; false when the file is full. */
    boolean addNews(String loc, Instant lastmod, String publication, String language, Instant published, String title) {
        if (kind != Kind.NEWS) {
            throw new IllegalStateException("news entries belong in a news sitemap");
        }
        String name = xmlText(publication);
        String headline = xmlText(title);
        String modified = w3c(lastmod, zone);
        String date = w3c(published, zone);
        if (tooLong(loc)) {
            return true;
        }
        long size = kind.entryMarkupBytes + textBytes(loc) + modified.length() + textBytes(name) + textBytes(language) + date.length()
                + textBytes(headline);
        if (!room(size)) {
            return false;
        }
        try {
            writeNews(loc, modified, name, language, date, headline);
        } catch (XMLStreamException e) {
            throw unchecked(e);
        }
        return counted(size);
    }

    /** Closes the root element and flushes everything to the output (which stays open). */
    void finish() {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw unchecked(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int entries() {
        return entries;
    }

    /** Entries left out because their address is longer than the schema allows. */
    int skipped() {
        return skipped;
    }

    /** An upper bound of the bytes written so far plus the closing tags; exact for text without {@code & < >}. */
    long bytes() {
        return bytes;
    }

    /**
     * A W3C datetime in the site zone with its offset, e.g. {@code 2023-08-29T09:18:41+08:00}; with
     * milliseconds when the instant has them, so it names exactly the stored instant. Offsets with
     * seconds (local mean time before about 1900) cannot be written, so those instants are given in UTC.
     */
    static String w3c(Instant instant, ZoneId zone) {
        OffsetDateTime time = instant.truncatedTo(ChronoUnit.MILLIS).atZone(zone).toOffsetDateTime();
        if (time.getOffset().getTotalSeconds() % 60 != 0) {
            time = time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        return (time.getNano() == 0 ? SECONDS : MILLIS).format(time);
    }

    /** The text without the characters XML 1.0 cannot carry (controls, U+FFFE/U+FFFF, lone surrogates). */
    static String xmlText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null && allowed) {
                clean.append(c);
                if (pair) {
                    clean.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return clean == null ? text : clean.toString();
    }

    /** Bytes the text takes in this writer's output: UTF-8 with {@code & < >} escaped. */
    static long textBytes(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&') {
                n += 5;
            } else if (c == '<' || c == '>') {
                n += 4;
            } else if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private boolean room(long size) {
        return entries < maxEntries && bytes + size <= MAX_BYTES;
    }

    private boolean counted(long size) {
        bytes += size;
        entries++;
        return true;
    }

    private void writeNews(String loc, String modified, String name, String language, String date, String headline) throws XMLStreamException {
        xml.writeStartElement(SITEMAP_NS, "url");
        element(SITEMAP_NS, "loc", loc);
        element(SITEMAP_NS, "lastmod", modified);
        xml.writeStartElement(NEWS_NS, "news");
        xml.writeStartElement(NEWS_NS, "publication");
        element(NEWS_NS, "name", name);
        element(NEWS_NS, "language", language);
        xml.writeEndElement();
        element(NEWS_NS, "publication_date", date);
        element(NEWS_NS, "title", headline);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private boolean tooLong(String loc) {
        if (loc.length() > MAX_LOC) {
            skipped++;
            return true;
        }
        return false;
    }

    private void element(String namespace, String name, String text) throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static UncheckedIOException unchecked(XMLStreamException e) {
        return new UncheckedIOException(e.getMessage(), e.getNestedException() instanceof IOException io ? io : new IOException(e));
    }

    /** The size of a file of {@code count} reference entries whose texts are one character each. */
    private static long referenceDocument(Kind kind, int count) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SitemapWriter writer = new SitemapWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), kind, ZoneOffset.UTC, count);
        try {
            for (int i = 0; i < count; i++) {
                if (kind == Kind.NEWS) {
                    writer.writeNews("x", "x", "x", "x", "x", "x");
                } else {
                    writer.xml.writeStartElement(SITEMAP_NS, kind.entry);
                    writer.element(SITEMAP_NS, "loc", "x");
                    writer.element(SITEMAP_NS, "lastmod", "x");
                    writer.xml.writeEndElement();
                    writer.xml.writeCharacters("\n");
                }
            }
        } catch (XMLStreamException e) {
            throw unchecked(e);
        }
        writer.finish();
        return bytes.size();
    }

    private static long referenceTextBytes(Kind kind) {
        return kind == Kind.NEWS ? 6 : 2;
    }
}
