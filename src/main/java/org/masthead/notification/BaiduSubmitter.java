package org.masthead.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Baidu 普通收录, API 提交: {@code POST} text/plain, one URL a line, at most 2,000 a request, within a
 * daily quota. Answers: 200 {@code {"success":N,"remain":M,"not_same_site":[…],"not_valid":[…]}}, or
 * 4xx/5xx {@code {"error":400,"message":"over quota"}}. An over-quota answer or {@code remain} 0 stops
 * Baidu submissions until the next day (see {@link BaiduQuota}); the URLs stay queued.
 */
@Component
class BaiduSubmitter implements Submitter {

    private final NotificationSettings.Baidu settings;
    private final SearchEngineHttp http;
    private final JsonMapper json;
    private final BaiduQuota quota = new BaiduQuota();

    BaiduSubmitter(NotificationSettings settings, SearchEngineHttp http, JsonMapper json) {
        this.settings = settings.baidu();
        this.http = http;
        this.json = json;
    }

    @Override
    public Target target() {
        return Target.BAIDU;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public int capacity(Instant now) {
        return quota.capacity(now);
    }

    BaiduQuota quota() {
        return quota;
    }

    /** The configured endpoint with site and token filled in. */
    static URI endpoint(NotificationSettings.Baidu settings) {
        return URI.create(settings.endpoint()
                .replace("{site}", URLEncoder.encode(settings.site().strip(), StandardCharsets.UTF_8))
                .replace("{token}", URLEncoder.encode(settings.token().strip(), StandardCharsets.UTF_8)));
    }

    @Override
    public Outcome submit(List<String> urls, String baseUrl, Instant now) throws InterruptedException {
        try {
            return read(http.post(endpoint(settings), "text/plain; charset=utf-8", String.join("\n", urls)), now);
        } catch (IOException e) {
            return new Outcome.Retry("network: " + e, null);
        }
    }

    /** Reads Baidu's answer, noting what it says about today's quota. */
    Outcome read(SearchEngineHttp.Answer answer, Instant now) {
        JsonNode body = parse(answer.body());
        if (answer.status() == 200) {
            JsonNode remain = body.path("remain");
            if (remain.isNumber()) {
                quota.remaining(remain.asInt(), now);
            }
            List<String> notes = new ArrayList<>();
            notes.add(" (Baidu: success " + body.path("success").asString("?") + ", remain " + remain.asString("?") + ")");
            for (String field : List.of("not_same_site", "not_valid")) {
                if (body.path(field).isArray() && !body.path(field).isEmpty()) {
                    notes.add("; refused as " + field + ": " + body.path(field));
                }
            }
            return new Outcome.Delivered(String.join("", notes));
        }
        String message = body.path("message").asString("").toLowerCase(Locale.ROOT);
        if (answer.status() >= 400 && answer.status() < 500 && message.contains("over quota")) {
            quota.exhausted(now);
            return new Outcome.Deferred("Baidu's daily quota is used up (" + answer.describe() + "); next try after " + quota.pausedUntil());
        }
        return Outcome.of(answer);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }
}
