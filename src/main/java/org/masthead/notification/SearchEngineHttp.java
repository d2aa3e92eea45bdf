package org.masthead.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Posts to search engines with the JDK's HTTP client: HTTP/1.1 (Baidu's endpoint is plain HTTP and
 * needs no h2c upgrade dance), no redirects followed, every request bounded by
 * {@code masthead.notification.timeout}.
 */
@Component
class SearchEngineHttp {

    /** Longest answer text kept for logs and {@code last_error}. */
    static final int MAX_SHOWN = 300;

    private final Duration timeout;
    /**
     * Built at the first post, not at start: most sites never enable a notifier, and building the
     * JDK's client (its selector thread, SSL context) took about 1 % of a single core's start-up
     * (bench/README.md, "startup").
     */
    private final SingletonSupplier<HttpClient> client;

    SearchEngineHttp(NotificationSettings settings) {
        this.timeout = settings.timeout();
        this.client = SingletonSupplier.of(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build());
    }

    /** An engine's answer; {@code retryAfter} is null unless it sent a Retry-After header. */
    record Answer(int status, String body, Duration retryAfter) {

        /** "HTTP 503: body…", short enough for a log line. */
        String describe() {
            String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
            if (text.length() > MAX_SHOWN) {
                text = text.substring(0, MAX_SHOWN) + "…";
            }
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
        }
    }

    /**
     * @throws IOException when the engine cannot be reached or does not answer in time
     * @throws InterruptedException when the application is stopping
     */
    Answer post(URI endpoint, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "Masthead")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = client.obtain().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Retry-After").map(v -> retryAfter(v, Instant.now())).orElse(null));
    }

    /** Retry-After is either seconds or an HTTP date; anything else is ignored (null). */
    static Duration retryAfter(String value, Instant now) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
