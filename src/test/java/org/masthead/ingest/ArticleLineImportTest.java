package org.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.article.ArticleEditing;
import tools.jackson.databind.json.JsonMapper;

/** Each bad line gets an error naming its line and field, before anything reaches storage. */
class ArticleLineImportTest {

    private final ArticleLineImport importer = new ArticleLineImport(mock(ArticleEditing.class), JsonMapper.builder().build());

    private String errorOf(String line) {
        List<LineResult> results = importer.importLines(new StringReader(line));
        assertThat(results).hasSize(1);
        assertThat(results.getFirst().status()).isEqualTo("error");
        return results.getFirst().error();
    }

    @Test
    void namesBrokenJson() {
        assertThat(errorOf("{\"title\": \"断开的 JSON\", ")).startsWith("json: not a valid JSON object");
        assertThat(errorOf("not json at all")).startsWith("json: not a valid JSON object");
        assertThat(errorOf("[1,2,3]")).startsWith("json: ");
        assertThat(errorOf("\"just a string\"")).startsWith("json: ");
    }

    @Test
    void namesTheFieldOfAWrongType() {
        assertThat(errorOf("{\"title\":\"x\",\"body\":\"y\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\",\"authors\":{\"a\":1}}")).startsWith("authors: ");
        assertThat(errorOf("{\"title\":\"x\",\"body\":\"y\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\",\"images\":[{\"url\":[1]}]}")).startsWith("images[0].url: ");
    }

    @Test
    void listsEveryMissingField() {
        String error = errorOf("{\"subtitle\":\"x\"}");
        assertThat(error).contains("title: is required").contains("body: is required").contains("publishedAt: is required");
    }

    @Test
    void refusesDatesWithoutOffsetAndRelativeWords() {
        assertThat(errorOf("{\"title\":\"x\",\"body\":\"y\",\"publishedAt\":\"2023-08-28 10:44:42\"}")).startsWith("publishedAt: ");
        assertThat(errorOf("{\"title\":\"x\",\"body\":\"y\",\"publishedAt\":\"昨天 23:01\"}")).startsWith("publishedAt: ");
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        assertThat(errorOf("{\"title\":\"x\",\"body\":\"y\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\",\"originalUrl\":\"javascript:alert(1)\"}"))
                .startsWith("originalUrl: ");
        assertThat(errorOf("{\"title\":\"x\",\"body\":\"y\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\",\"coverImage\":\"data:image/png;base64,AAAA\"}"))
                .startsWith("coverImage: ");
    }
}
