package org.masthead.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.ingest.LocalWebServer;

/** The fetcher against a real local HTTP server: every limit it promises is tried. */
class WebFetcherTest {

    static final String ACCEPT = "application/rss+xml, */*";
    final LocalWebServer server = new LocalWebServer();
    final WebFetcher fetcher = new WebFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(5), 64 * 1024, 5, true, "test"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersNotModifiedToTheValidatorsOfTheLastFetch() throws Exception {
        server.on("/feed", exchange -> {
            boolean same = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))
                    || "Tue, 29 Aug 2023 01:18:00 GMT".equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Tue, 29 Aug 2023 01:18:00 GMT");
            LocalWebServer.send(exchange, same ? 304 : 200, "application/rss+xml", same ? new byte[0] : "<rss/>".getBytes());
        });

        Fetched first = fetcher.fetch(server.url("/feed"), null, null, ACCEPT);
        Fetched byEtag = fetcher.fetch(server.url("/feed"), first.etag(), null, ACCEPT);
        Fetched byDate = fetcher.fetch(server.url("/feed"), null, first.lastModified(), ACCEPT);

        assertThat(first.notModified()).isFalse();
        assertThat(new String(first.body())).isEqualTo("<rss/>");
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(byEtag.notModified()).isTrue();
        assertThat(byEtag.body()).isEmpty();
        assertThat(byDate.notModified()).isTrue();
    }

    @Test
    void followsFiveRedirectsIncludingRelativeOnesButNotSix() throws Exception {
        for (int i = 0; i < 6; i++) {
            String next = i == 2 ? "hop" + (i + 1) : server.url("/hop" + (i + 1)).toString();
            server.on("/hop" + i, exchange -> {
                exchange.getResponseHeaders().set("Location", next);
                LocalWebServer.send(exchange, 301, null, new byte[0]);
            });
        }
        server.serve("/hop6", "text/plain", "end".getBytes());
        server.serve("/hop5", "text/plain", "five".getBytes());

        Fetched afterFive = fetcher.fetch(server.url("/hop0").resolve("/hop0"), null, null, ACCEPT);
        assertThat(afterFive.finalUrl().getPath()).isEqualTo("/hop5");
        assertThat(new String(afterFive.body())).isEqualTo("five");

        server.on("/hop5", exchange -> {
            exchange.getResponseHeaders().set("Location", "/hop6");
            LocalWebServer.send(exchange, 302, null, new byte[0]);
        });
        assertThatThrownBy(() -> fetcher.fetch(server.url("/hop0"), null, null, ACCEPT))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("more than 5 redirects");
    }

    @Test
    void unpacksGzip() throws Exception {
        byte[] text = "<rss><channel><title>新闻</title></channel></rss>".getBytes(Charset.forName("UTF-8"));
        server.on("/gz", exchange -> {
            assertThat(exchange.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalWebServer.send(exchange, 200, "application/rss+xml; charset=utf-8", gzip(text));
        });

        Fetched fetched = fetcher.fetch(server.url("/gz"), null, null, ACCEPT);

        assertThat(fetched.body()).isEqualTo(text);
        assertThat(fetched.text().text()).contains("新闻");
    }

    @Test
    void refusesBodiesOverTheCapDeclaredStreamedOrCompressed() throws Exception {
        byte[] big = new byte[200 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        server.serve("/declared", "text/plain", big);
        server.on("/streamed", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0); // chunked: no length to check up front
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(big, 0, 8192);
                }
            }
        });
        server.on("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalWebServer.send(exchange, 200, "text/plain", gzip(new byte[10 * 1024 * 1024]));
        });

        for (String path : new String[] {"/declared", "/streamed", "/bomb"}) {
            assertThatThrownBy(() -> fetcher.fetch(server.url(path), null, null, ACCEPT)).as(path)
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("over the limit");
        }
    }

    @Test
    void decodesGbkWhenTheHeaderClaimsUtf8() throws Exception {
        String title = "上海市举行新闻发布会介绍本市防汛防台工作情况，各区做好应对准备";
        server.serve("/gbk", "application/rss+xml; charset=utf-8",
                ("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss><channel><title>" + title + "</title></channel></rss>").getBytes(Charset.forName("GBK")));

        assertThat(fetcher.fetch(server.url("/gbk"), null, null, ACCEPT).text().text()).contains(title);
    }

    @Test
    void givesUpOnAServerThatStallsAfterTheHeaders() {
        server.on("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("<rss>".getBytes());
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> fetcher.fetch(server.url("/stall"), null, null, ACCEPT))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void reportsHttpErrorsWithTheirStatus() {
        server.on("/gone", exchange -> LocalWebServer.send(exchange, 503, "text/plain", "busy".getBytes()));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/gone"), null, null, ACCEPT))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageStartingWith("HTTP 503");
    }

    @Test
    void refusesPrivateAddressesAndOtherSchemesUnlessAllowed() {
        WebFetcher strict = new WebFetcher(FetchLimits.defaults());
        server.serve("/x", "text/plain", "x".getBytes());

        assertThatThrownBy(() -> strict.fetch(server.url("/x"), null, null, ACCEPT)).hasMessageContaining("private or local address");
        assertThatThrownBy(() -> strict.fetch(java.net.URI.create("http://10.1.2.3/"), null, null, ACCEPT)).hasMessageContaining("private or local address");
        assertThatThrownBy(() -> strict.fetch(java.net.URI.create("file:///etc/passwd"), null, null, ACCEPT)).hasMessageContaining("only http and https");
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
