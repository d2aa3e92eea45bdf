package org.masthead.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which body a kept page goes out with for an {@code Accept-Encoding}, and that the brotli body is the page. */
class BrotliNegotiationTest {

    @Test
    void brotliWhenAcceptedAtLeastAsMuchAsGzip() {
        assertThat(PageCacheHandler.encoding("gzip, deflate, br, zstd", true, true)).isEqualTo("br");
        assertThat(PageCacheHandler.encoding("br", true, true)).isEqualTo("br");
        assertThat(PageCacheHandler.encoding("BR;q=0.5, gzip;q=0.5", true, true)).isEqualTo("br");
        assertThat(PageCacheHandler.encoding("*", true, true)).isEqualTo("br");
    }

    @Test
    void gzipWhenBrotliIsRefusedWeighedLowerOrNotMadeYet() {
        assertThat(PageCacheHandler.encoding("gzip, br;q=0", true, true)).isEqualTo("gzip");
        assertThat(PageCacheHandler.encoding("br;q=0.0, gzip", true, true)).isEqualTo("gzip");
        assertThat(PageCacheHandler.encoding("br;q=0.4, gzip;q=0.8", true, true)).isEqualTo("gzip");
        assertThat(PageCacheHandler.encoding("gzip", true, true)).isEqualTo("gzip");
        assertThat(PageCacheHandler.encoding("gzip, br", false, true)).isEqualTo("gzip");
        assertThat(PageCacheHandler.encoding("*, br;q=0", true, true)).isEqualTo("gzip");
    }

    @Test
    void plainWhenNeitherIsAcceptedOrThereIsNone() {
        assertThat(PageCacheHandler.encoding(null, true, true)).isNull();
        assertThat(PageCacheHandler.encoding("", true, true)).isNull();
        assertThat(PageCacheHandler.encoding("identity", true, true)).isNull();
        assertThat(PageCacheHandler.encoding("deflate, zstd", true, true)).isNull();
        assertThat(PageCacheHandler.encoding("br;q=0, gzip;q=0", true, true)).isNull();
        assertThat(PageCacheHandler.encoding("*;q=0", true, true)).isNull();
        assertThat(PageCacheHandler.encoding("br", false, true)).isNull();
        assertThat(PageCacheHandler.encoding("gzip, br", false, false)).isNull();
        // A malformed weight counts as a refusal, not as 1.
        assertThat(PageCacheHandler.encoding("br;q=2, gzip;q=abc", true, true)).isNull();
    }

    @Test
    void theBrotliBodyDecompressesToThePageAndIsSmaller() throws Exception {
        PageStore store = new PageStore(new PageCacheSettings(true, 1_000_000, 100_000, java.time.Duration.ofSeconds(2), 5));
        try (BrotliVariants brotli = new BrotliVariants(store, 5)) {
            assertThat(brotli.available()).as("the linux-x86_64 native encoder loads").isTrue();
            byte[] page = "<!doctype html><p>报头新闻：今日要闻，今日要闻，今日要闻。</p>".repeat(200).getBytes(StandardCharsets.UTF_8);
            byte[] br = brotli.compress(page);
            assertThat(br.length).isLessThan(page.length / 10);
            DirectDecompress plain = Decoder.decompress(br);
            assertThat(plain.getResultStatus()).isEqualTo(DecoderJNI.Status.DONE);
            assertThat(plain.getDecompressedData()).isEqualTo(page);

            // Added to the kept page in the background, only while it is the page kept.
            CachedPage kept = new CachedPage("text/html", List.of(), null, null, page, PageCapture.gzip(page), null, Set.of("html"), -1);
            assertThat(store.keep("/p", kept, store.generation())).isTrue();
            brotli.add("/p", kept);
            for (int i = 0; i < 200 && store.get("/p").brotli() == null; i++) {
                Thread.sleep(10);
            }
            assertThat(Decoder.decompress(store.get("/p").brotli()).getDecompressedData()).isEqualTo(page);

            CachedPage rendered = new CachedPage("text/html", List.of(), null, null, page, null, null, Set.of("html"), -1);
            assertThat(store.keep("/q", rendered, store.generation())).isTrue();
            store.drop(Set.of("html"));
            assertThat(store.replace("/q", rendered, rendered.withBrotli(br))).as("a dropped page gets no brotli body back").isFalse();
            assertThat(store.get("/q")).isNull();
        }
    }
}
