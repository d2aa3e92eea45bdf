package org.masthead.pagecache;

/**
 * A kept page's compressed bodies, each made on the first request that accepts its coding and then kept with the
 * page. Not made when the page is rendered: the compression was most of the work of a first render (gzip -9 on the
 * request thread and brotli on a background thread of the same core took longer than the rest of the render), a
 * client that takes the plain body needs neither, and a browser takes brotli, so most pages never need their gzip
 * body. Each is made once, however many requests ask for it at the same time.
 */
final class Encodings {

    /** Made, and not smaller than the plain body (tiny bodies): the plain body goes out instead. */
    private static final byte[] NOT_SMALLER = {};

    private volatile byte[] gzip;
    private volatile byte[] brotli;

    /** Whether the body may have this coding: not yet tried, or tried and smaller. */
    boolean mayHave(String coding) {
        return field(coding) != NOT_SMALLER;
    }

    /** The body in the coding, made now if it is asked for the first time; null when that is not smaller. */
    byte[] get(String coding, byte[] body, PageCompression compression) {
        byte[] encoded = field(coding);
        if (encoded == null) {
            synchronized (this) {
                encoded = field(coding);
                if (encoded == null) {
                    byte[] made = compression.compress(coding, body);
                    encoded = made.length < body.length ? made : NOT_SMALLER;
                    if (coding.equals(PageCompression.BROTLI)) {
                        brotli = encoded;
                    } else {
                        gzip = encoded;
                    }
                }
            }
        }
        return encoded == NOT_SMALLER ? null : encoded;
    }

    /** The bytes held, for the cache's weight. */
    int bytes() {
        byte[] g = gzip;
        byte[] b = brotli;
        return (g == null ? 0 : g.length) + (b == null ? 0 : b.length);
    }

    private byte[] field(String coding) {
        return coding.equals(PageCompression.BROTLI) ? brotli : gzip;
    }
}
