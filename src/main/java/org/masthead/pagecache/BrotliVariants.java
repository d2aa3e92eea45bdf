package org.masthead.pagecache;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a brotli body to kept pages, on one background thread: brotli takes milliseconds for a page
 * (more than gzip -9 from quality 6 on, hundreds at 11), which a reader must not wait for, so a page goes
 * out gzipped until its brotli body is ready, and keeps it for as long as the page is kept. Where the native
 * encoder cannot be loaded (a platform without its library), or the queue is full, pages simply have none.
 */
final class BrotliVariants implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrotliVariants.class);
    /** Pages waiting for their brotli body at most; more are left without (gzip still serves them). */
    static final int QUEUE = 256;

    private final PageStore store;
    private final Encoder.Parameters parameters;
    private final ThreadPoolExecutor worker;
    private final boolean available;

    BrotliVariants(PageStore store, int quality) {
        this.store = store;
        this.parameters = new Encoder.Parameters().setQuality(quality).setMode(Encoder.Mode.TEXT);
        this.available = loaded();
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "page-brotli");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
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

    boolean available() {
        return available;
    }

    /** Compresses the kept page in the background and adds the result to it, if it is still the one kept. */
    void add(String target, CachedPage page) {
        if (!available || page.brotli() != null || page.body().length < 256) {
            return;
        }
        try {
            worker.execute(() -> {
                try {
                    byte[] br = compress(page.body());
                    if (br != null) {
                        store.replace(target, page, page.withBrotli(br));
                    }
                } catch (IOException | RuntimeException e) {
                    log.warn("brotli failed for {}: {}", target, e.toString());
                }
            });
        } catch (RejectedExecutionException busy) {
            // Full queue (a burst of first renders) or shut down: this page stays gzip-only until it is rendered again.
        }
    }

    /** The body in brotli, or null when that is not smaller than the body. */
    byte[] compress(byte[] body) throws IOException {
        byte[] br = Encoder.compress(body, parameters);
        return br.length < body.length ? br : null;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
