import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Fetches the sitemap index of a running Masthead and every file it lists, one request at a time,
 * uncompressed, and parses each answer as it arrives (StAX), so a file that is not well-formed XML
 * fails the run. Then asks for the index again with its ETag and expects 304.
 *
 * <pre>java bench/sitemap-times.java BASE_URL SITE_BASE_URL PASS_NAME</pre>
 *
 * SITE_BASE_URL is the base address the sitemaps name (the settings' baseUrl); it is replaced by
 * BASE_URL to fetch. Prints Markdown table rows: file, URLs, bytes, ms; then a total row for the
 * article files and a line "URLS n" with the number of article URLs.
 */
class SitemapTimes {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    record Result(String file, long urls, long bytes, double ms, List<String> locs) {}

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        String site = args[1].replaceAll("/$", "");
        String pass = args[2];
        Result index = fetch(base, "/sitemap.xml", "sitemap");
        List<Result> files = new ArrayList<>();
        for (String loc : index.locs()) {
            files.add(fetch(base, loc.substring(site.length()), "url"));
        }
        System.out.printf("| %s | `/sitemap.xml` | %,d | %,d | %.0f |%n", pass, index.urls(), index.bytes(), index.ms());
        long urls = 0;
        long bytes = 0;
        double ms = 0;
        int articleFiles = 0;
        double slowest = 0;
        for (Result file : files) {
            if (file.file().contains("/articles-")) {
                urls += file.urls();
                bytes += file.bytes();
                ms += file.ms();
                articleFiles++;
                slowest = Math.max(slowest, file.ms());
            } else {
                System.out.printf("| %s | `%s` | %,d | %,d | %.0f |%n", pass, file.file(), file.urls(), file.bytes(), file.ms());
            }
        }
        System.out.printf("| %s | all %d `articles-n.xml` (slowest %.0f ms) | %,d | %,d | %.0f |%n", pass, articleFiles, slowest, urls, bytes, ms);
        System.out.printf("| %s | index + every file | | | %.0f |%n", pass, ms + index.ms() + files.stream()
                .filter(f -> !f.file().contains("/articles-")).mapToDouble(Result::ms).sum());

        HttpResponse<Void> first = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sitemap.xml")).build(), HttpResponse.BodyHandlers.discarding());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        long start = System.nanoTime();
        HttpResponse<Void> again = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sitemap.xml")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.discarding());
        double notModifiedMs = (System.nanoTime() - start) / 1e6;
        if (again.statusCode() != 304) {
            throw new IllegalStateException("If-None-Match on the index gave " + again.statusCode());
        }
        System.out.printf("| %s | `/sitemap.xml` with If-None-Match → 304 | | 0 | %.0f |%n", pass, notModifiedMs);
        System.out.println("URLS " + urls);
    }

    static Result fetch(String base, String path, String entry) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " gave " + response.statusCode());
        }
        long[] bytes = {0};
        InputStream counted = new FilterInputStream(response.body()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes[0]++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    bytes[0] += n;
                }
                return n;
            }
        };
        long entries = 0;
        List<String> locs = new ArrayList<>();
        try (counted) {
            XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(counted);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (xml.getLocalName().equals(entry)) {
                        entries++;
                    }
                    if (entry.equals("sitemap") && xml.getLocalName().equals("loc")) {
                        locs.add(xml.getElementText());
                    }
                }
            }
        }
        return new Result(path, entries, bytes[0], (System.nanoTime() - start) / 1e6, locs);
    }
}
