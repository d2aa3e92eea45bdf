import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Page render times seen by one client sending one request at a time over a kept-alive HTTP/1.1
 * connection: random article pages, then the home page. Every response must be 200; the body is
 * read in full, uncompressed (no Accept-Encoding), so the time is the server's render plus transfer
 * over loopback.
 *
 * <pre>java bench/RenderTimes.java BASE_URL IDS_FILE</pre>
 *
 * IDS_FILE holds one article id per line. Articles are drawn without replacement (the ids shuffled with a
 * fixed seed, SEED or the optional third argument), so no page is asked for twice and none can come from the
 * page cache; the warm-up pages are other articles, rendered first as on a site that has been serving.
 * Prints one Markdown table row per measurement.
 *
 * <pre>java bench/RenderTimes.java BASE_URL IDS_FILE [SEED]</pre>
 */
public class RenderTimes {

    static final int ARTICLE_WARMUP = 500;
    static final int ARTICLE_TIMED = 2_000;
    static final int HOME_WARMUP = 100;
    static final int HOME_TIMED = 1_000;
    static final long SEED = 2018;

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: java bench/RenderTimes.java BASE_URL IDS_FILE");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        long[] ids = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).mapToLong(Long::parseLong).toArray();
        if (ids.length == 0) {
            throw new IllegalArgumentException("no article ids in " + args[1]);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(args.length == 3 ? Long.parseLong(args[2]) : SEED);
        if (ids.length < ARTICLE_WARMUP + ARTICLE_TIMED) {
            throw new IllegalArgumentException("need " + (ARTICLE_WARMUP + ARTICLE_TIMED) + " article ids, have " + ids.length);
        }
        for (int i = ids.length - 1; i > 0; i--) { // Fisher–Yates: each id once
            int j = random.nextInt(i + 1);
            long t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        int next = 0;
        for (int i = 0; i < ARTICLE_WARMUP; i++) {
            fetch(http, base + "/articles/" + ids[next++]);
        }
        Sample articles = new Sample("article page (random of " + ids.length + ", each once)", ARTICLE_TIMED);
        for (int i = 0; i < ARTICLE_TIMED; i++) {
            articles.add(fetch(http, base + "/articles/" + ids[next++]));
        }

        for (int i = 0; i < HOME_WARMUP; i++) {
            fetch(http, base + "/");
        }
        Sample home = new Sample("home page", HOME_TIMED);
        for (int i = 0; i < HOME_TIMED; i++) {
            home.add(fetch(http, base + "/"));
        }

        for (Sample s : List.of(articles, home)) {
            System.out.println(s.row());
        }
    }

    /** Nanoseconds from sending the request to having read the whole body, and the body's size. */
    record Timing(long nanos, int bytes) {}

    static Timing fetch(HttpClient http, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return new Timing(nanos, response.body().length);
    }

    static final class Sample {
        final String name;
        final long[] nanos;
        long bytes;
        int n;

        Sample(String name, int size) {
            this.name = name;
            this.nanos = new long[size];
        }

        void add(Timing t) {
            nanos[n++] = t.nanos();
            bytes += t.bytes();
        }

        String row() {
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            long p99 = sorted[(int) Math.ceil(0.99 * n) - 1];
            double mean = Arrays.stream(sorted).average().orElse(0);
            return "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.0f |".formatted(
                    name, n, ms(median), ms(p99), ms(mean), ms(sorted[n - 1]), bytes / (double) n / 1024);
        }

        static double ms(double nanos) {
            return nanos / 1e6;
        }
    }
}
