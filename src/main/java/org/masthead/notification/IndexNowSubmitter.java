package org.masthead.notification;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * IndexNow (https://www.indexnow.org/documentation): {@code POST} JSON {@code {host, key, keyLocation,
 * urlList}}, at most 10,000 URLs a request. 200 and 202 (key not yet checked) both mean received.
 */
@Component
class IndexNowSubmitter implements Submitter {

    static final int MAX_URLS_PER_REQUEST = 10_000;

    private final NotificationSettings.IndexNow settings;
    private final SearchEngineHttp http;
    private final JsonMapper json;

    IndexNowSubmitter(NotificationSettings settings, SearchEngineHttp http, JsonMapper json) {
        this.settings = settings.indexnow();
        this.http = http;
        this.json = json;
    }

    /** The JSON body IndexNow expects. */
    record Request(String host, String key, String keyLocation, List<String> urlList) {

        static Request of(List<String> urls, String baseUrl, String key) {
            return new Request(URI.create(baseUrl).getHost(), key, IndexNowSubmitter.keyLocation(baseUrl, key), urls);
        }
    }

    /** Where the key file is served: {@code /{key}.txt} under the site address (see IndexNowKeyController). */
    static String keyLocation(String baseUrl, String key) {
        return baseUrl + "/" + key + ".txt";
    }

    @Override
    public Target target() {
        return Target.INDEXNOW;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public int capacity(Instant now) {
        return MAX_URLS_PER_REQUEST;
    }

    @Override
    public Outcome submit(List<String> urls, String baseUrl, Instant now) throws InterruptedException {
        String body = json.writeValueAsString(Request.of(urls, baseUrl, settings.key()));
        try {
            return Outcome.of(http.post(settings.endpoint(), "application/json; charset=utf-8", body));
        } catch (IOException e) {
            return new Outcome.Retry("network: " + e, null);
        }
    }
}
