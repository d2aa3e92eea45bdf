import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search times seen by one client sending one request at a time over a kept-alive HTTP/1.1
 * connection, and how long a published article takes to become searchable.
 *
 * <pre>java bench/SearchTimes.java BASE_URL IMPORT_FILE ADMIN_PASSWORD</pre>
 *
 * Queries come from the titles of the imported file (IMPORT_FILE, the import format): two to four
 * Chinese characters of a random title (so most searches have hits), the first two characters of a
 * title for suggestions, and a made-up word for searches without hits (which also run did-you-mean).
 * Every answer must be 200. Then 20 single-article imports through the API, each followed by
 * searching for its unique word every 5 ms until it is found. Prints Markdown table rows.
 */
public class SearchTimes {

    static final int WARMUP = 300;
    static final int TIMED = 1_000;
    static final long SEED = 2018;
    static final Pattern TITLE = Pattern.compile("\"title\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}{4,}");

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java bench/SearchTimes.java BASE_URL IMPORT_FILE ADMIN_PASSWORD");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        List<String> runs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            Matcher title = TITLE.matcher(line);
            if (title.find()) {
                Matcher han = HAN.matcher(title.group(1));
                if (han.find()) {
                    runs.add(han.group());
                }
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(SEED);
        Supplier<String> word = () -> {
            String run = runs.get(random.nextInt(runs.size()));
            int length = 2 + random.nextInt(3);
            int start = random.nextInt(run.length() - Math.min(length, run.length()) + 1);
            return run.substring(start, Math.min(run.length(), start + length));
        };
        List<Sample> samples = List.of(
                new Sample("search, relevance (2–4 characters of a title)", () -> "/api/v1/search?q=" + enc(word.get())),
                new Sample("search, newest first", () -> "/api/v1/search?sort=time&q=" + enc(word.get())),
                new Sample("search, two words, page 2", () -> "/api/v1/search?page=2&q=" + enc(word.get() + " " + word.get())),
                new Sample("search without hits (runs did-you-mean)", () -> "/api/v1/search?q=" + enc(word.get().charAt(0) + "鼂鼃")),
                new Sample("suggest (first 2 characters of a title)", () -> "/api/v1/search/suggest?q=" + enc(runs.get(random.nextInt(runs.size())).substring(0, 2))));
        for (Sample sample : samples) {
            for (int i = 0; i < WARMUP; i++) {
                fetch(http, base + sample.path.get());
            }
            for (int i = 0; i < TIMED; i++) {
                sample.add(fetch(http, base + sample.path.get()));
            }
        }
        System.out.println("| request (sequential, 1 client, keep-alive) | requests | median ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Sample s : samples) {
            System.out.println(s.row());
        }

        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[2]).getBytes(StandardCharsets.UTF_8));
        double[] lags = new double[20];
        for (int i = 0; i < lags.length; i++) {
            String unique = "zqbench" + System.nanoTime();
            String article = "{\"title\":\"基准测试 " + unique + "\",\"body\":\"正文 " + unique + "。\",\"bodyFormat\":\"text\","
                    + "\"publishedAt\":\"2018-11-30T12:00:00+08:00\",\"originalUrl\":\"https://example.cn/bench/" + unique + "\"}";
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles"))
                    .header("Content-Type", "application/json").header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.ofString(article, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            long returned = System.nanoTime();
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("import answered " + imported.statusCode() + ": " + imported.body());
            }
            while (!http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q=" + unique)).build(), HttpResponse.BodyHandlers.ofString())
                    .body().contains("\"total\":1")) {
                if (System.nanoTime() - returned > 10_000_000_000L) {
                    throw new IllegalStateException("not searchable after 10 s: " + unique);
                }
                Thread.sleep(5);
            }
            lags[i] = (System.nanoTime() - returned) / 1e6;
            Thread.sleep(200);
        }
        Arrays.sort(lags);
        System.out.printf("%n| publish → searchable (API import returned → search finds it) | articles | median ms | max ms |%n|---|---:|---:|---:|%n");
        System.out.printf("| one article at a time | %d | %.0f | %.0f |%n", lags.length, lags[lags.length / 2], lags[lags.length - 1]);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static double fetch(HttpClient http, String url) throws Exception {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - started) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return ms;
    }

    static final class Sample {
        final String name;
        final Supplier<String> path;
        final List<Double> times = new ArrayList<>();

        Sample(String name, Supplier<String> path) {
            this.name = name;
            this.path = path;
        }

        void add(double ms) {
            times.add(ms);
        }

        String row() {
            double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return String.format("| %s | %d | %.2f | %.2f | %.2f |", name, t.length, t[t.length / 2], t[(int) Math.ceil(t.length * 0.99) - 1], t[t.length - 1]);
        }
    }
}
