package org.masthead.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IndexNowSubmitterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void requestNamesTheHostTheKeyItsFileAndTheUrls() {
        IndexNowSubmitter.Request request = IndexNowSubmitter.Request.of(
                List.of("https://news.example.cn/articles/1", "https://news.example.cn/articles/2"), "https://news.example.cn", "0123abcd-key");

        JsonNode body = json.readTree(json.writeValueAsString(request));

        assertThat(body.get("host").asString()).isEqualTo("news.example.cn");
        assertThat(body.get("key").asString()).isEqualTo("0123abcd-key");
        assertThat(body.get("keyLocation").asString()).isEqualTo("https://news.example.cn/0123abcd-key.txt");
        assertThat(body.get("urlList").valueStream().map(JsonNode::asString))
                .containsExactly("https://news.example.cn/articles/1", "https://news.example.cn/articles/2");
    }

    @Test
    void keyFileSitsUnderTheSiteAddressEvenBelowAPath() {
        assertThat(IndexNowSubmitter.keyLocation("https://example.cn/news", "0123abcd")).isEqualTo("https://example.cn/news/0123abcd.txt");
    }

    @Test
    void answersAreReadAsTheProtocolSays() {
        assertThat(Outcome.of(new SearchEngineHttp.Answer(200, "", null))).isInstanceOf(Outcome.Delivered.class);
        assertThat(Outcome.of(new SearchEngineHttp.Answer(202, "", null))).as("key not yet checked").isInstanceOf(Outcome.Delivered.class);
        assertThat(Outcome.of(new SearchEngineHttp.Answer(400, "", null))).isInstanceOf(Outcome.Rejected.class);
        assertThat(Outcome.of(new SearchEngineHttp.Answer(403, "", null))).as("key not valid").isInstanceOf(Outcome.Rejected.class);
        assertThat(Outcome.of(new SearchEngineHttp.Answer(422, "", null))).as("URLs not of this host").isInstanceOf(Outcome.Rejected.class);
        assertThat(Outcome.of(new SearchEngineHttp.Answer(429, "", null))).isInstanceOf(Outcome.Retry.class);
        assertThat(Outcome.of(new SearchEngineHttp.Answer(503, "", null))).isInstanceOf(Outcome.Retry.class);
    }
}
