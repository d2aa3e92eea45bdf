package org.masthead.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Which body a kept page goes out with for an {@code Accept-Encoding}, that the compressed bodies are the page, and that
 * they are made only when first asked for.
 */
class BrotliNegotiationTest {

    @Test
    void brotliWhenAcceptedAtLeastAsMuchAsGzip() {
        assertThat(PageCacheHandler.encoding("gzip, deflate, br, zstd", true, true)).isEqualTo("br");
        assertThat(PageCacheHandler.encoding("br", true, true)).isEqualTo("br");
        assertThat(PageCacheHandler.encoding("BR;q=0.5, gzip;q=0.5", true, true)).isEqualTo("br");
        assertThat(PageCacheHandler.encoding("*", true, true)).isEqualTo("br");
    }

    @Test
    void gzipWhenBrotliIsRefusedWeighedLowerOrNotSmaller() {
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
        PageCompression compression = new PageCompression(5);
        assertThat(compression.brotliAvailable()).as("the linux-x86_64 native encoder loads").isTrue();
        byte[] page = "<!doctype html><p>报头新闻：今日要闻，今日要闻，今日要闻。</p>".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] br = compression.compress(PageCompression.BROTLI, page);
        assertThat(br.length).isLessThan(page.length / 10);
        DirectDecompress plain = Decoder.decompress(br);
        assertThat(plain.getResultStatus()).isEqualTo(DecoderJNI.Status.DONE);
        assertThat(plain.getDecompressedData()).isEqualTo(page);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(compression.compress(PageCompression.GZIP, page))).readAllBytes()).isEqualTo(page);
    }

    @Test
    void aKeptPageIsCompressedOnlyWhenAskedOncePerCodingAndWeighedAgain() throws Exception {
        PageStore store = new PageStore(new PageCacheSettings(true, 1_000_000, 100_000, Duration.ofSeconds(2), 5));
        PageCompression compression = new PageCompression(5);
        byte[] page = "<!doctype html><p>报头新闻：今日要闻，今日要闻，今日要闻。</p>".repeat(200).getBytes(StandardCharsets.UTF_8);
        CachedPage kept = new CachedPage("text/html", List.of(), null, null, page, Set.of("html"), -1);
        assertThat(store.keep("/p", kept, store.generation())).isTrue();
        long plainWeight = store.weight("/p");
        assertThat(kept.encodings().bytes()).as("nothing compressed when it is kept").isZero();

        byte[] br = kept.encodings().get(PageCompression.BROTLI, page, compression);
        assertThat(Decoder.decompress(br).getDecompressedData()).isEqualTo(page);
        assertThat(kept.encodings().get(PageCompression.BROTLI, page, compression)).as("made once, then kept").isSameAs(br);
        assertThat(kept.encodings().bytes()).as("no gzip body until one is asked for").isEqualTo(br.length);
        store.reweigh("/p", kept);
        assertThat(store.weight("/p")).isEqualTo(plainWeight + br.length);

        CachedPage rendered = new CachedPage("text/html", List.of(), null, null, page, Set.of("html"), -1);
        assertThat(store.keep("/q", rendered, store.generation())).isTrue();
        store.drop(Set.of("html"));
        store.reweigh("/q", rendered);
        assertThat(store.get("/q")).as("weighing a dropped page again does not bring it back").isNull();
    }

    @Test
    void aTinyBodyThatNoCodingMakesSmallerGoesOutPlain() {
        PageCompression compression = new PageCompression(5);
        Encodings encodings = new Encodings();
        byte[] tiny = "ok".getBytes(StandardCharsets.UTF_8);
        assertThat(encodings.mayHave(PageCompression.GZIP)).isTrue();
        assertThat(encodings.get(PageCompression.GZIP, tiny, compression)).isNull();
        assertThat(encodings.get(PageCompression.BROTLI, tiny, compression)).isNull();
        assertThat(encodings.mayHave(PageCompression.GZIP)).isFalse();
        assertThat(encodings.mayHave(PageCompression.BROTLI)).isFalse();
        assertThat(PageCacheHandler.encoding("gzip, br", encodings.mayHave(PageCompression.BROTLI), encodings.mayHave(PageCompression.GZIP))).isNull();
    }
}
