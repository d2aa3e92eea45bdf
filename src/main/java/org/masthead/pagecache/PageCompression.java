package org.masthead.pagecache;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two codings kept pages are sent in: gzip at its highest level and brotli at the configured quality. Where the
 * native brotli encoder cannot be loaded (a platform without its library), pages simply have no brotli body.
 * Called for a page's first request that accepts a coding ({@link Encodings}), never for a render.
 */
final class PageCompression {

    private static final Logger log = LoggerFactory.getLogger(PageCompression.class);
    static final String GZIP = "gzip";
    static final String BROTLI = "br";

    private final Encoder.Parameters parameters;
    private final boolean brotliAvailable;

    PageCompression(int brotliQuality) {
        this.parameters = new Encoder.Parameters().setQuality(brotliQuality).setMode(Encoder.Mode.TEXT);
        this.brotliAvailable = loaded();
    }

    private static boolean loaded() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError without a native library for this platform
            log.info("No brotli encoder on this platform ({}): kept pages go out gzipped only", e.toString());
            return false;
        }
    }

    boolean brotliAvailable() {
        return brotliAvailable;
    }

    /** The body in the coding ({@link #GZIP} or {@link #BROTLI}). */
    byte[] compress(String coding, byte[] body) {
        try {
            return coding.equals(BROTLI) ? Encoder.compress(body, parameters) : gzip(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body gzipped at the highest level. */
    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(body);
        }
        return out.toByteArray();
    }
}
