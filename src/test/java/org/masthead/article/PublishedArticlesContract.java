package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.TestArticles.published;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** Reading every published article for derived stores, the same SQL on every database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class PublishedArticlesContract {

    @Autowired
    ArticleEditing editing;

    @Autowired
    PublishedArticles published;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startFromEmptyTables() {
        for (String table : List.of("article_tag", "article_author", "article_figure", "article", "tag", "channel", "source")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @Test
    void streamsEveryPublishedArticleCompleteInIdOrderAcrossBatches() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(editing.savePublished(published("第" + i + "条").channel("要闻").source("新华社").authors("记者" + i).tags("标签" + i, "共同")
                    .figures(new Figure("https://img.example.cn/" + i + ".jpg", "图" + i)).at("2023-08-29T0" + i + ":00:00Z").draft()).articleId());
        }
        jdbc.sql("UPDATE article SET status = 'draft' WHERE id = ?").param(ids.get(3)).update();
        List<Long> expected = new ArrayList<>(ids);
        expected.remove(3);

        List<ArticleDetail> all;
        try (Stream<ArticleDetail> stream = published.all(2)) {
            all = stream.toList();
        }
        assertThat(all).extracting(ArticleDetail::id).containsExactlyElementsOf(expected);
        ArticleDetail fifth = all.get(4);
        assertThat(fifth.title()).isEqualTo("第5条");
        assertThat(fifth.tags()).extracting(t -> t.name()).containsExactly("标签5", "共同");
        assertThat(fifth.authors()).containsExactly("记者5");
        assertThat(fifth.figures()).containsExactly(new Figure("https://img.example.cn/5.jpg", "图5"));
        assertThat(fifth.channel().name()).isEqualTo("要闻");
        assertThat(fifth.source().name()).isEqualTo("新华社");

        List<ArticleVersion> versions;
        try (Stream<ArticleVersion> stream = published.versions(4)) {
            versions = stream.toList();
        }
        assertThat(versions).extracting(ArticleVersion::id).containsExactlyElementsOf(expected);
        assertThat(versions.get(4).updatedAt()).isEqualTo(fifth.updatedAt());

        PublishedChecksum checksum = published.checksum();
        assertThat(checksum.count()).isEqualTo(6);
        assertThat(checksum.idSum()).isEqualTo(expected.stream().mapToLong(Long::longValue).sum());
        assertThat(checksum.updatedAtSum()).isEqualTo(versions.stream().mapToLong(v -> v.updatedAt().toEpochMilli()).sum());
    }

    @Test
    void anEmptyTableGivesAnEmptyStreamAndZeroChecksum() {
        assertThat(published.all()).isEmpty();
        assertThat(published.versions()).isEmpty();
        assertThat(published.checksum()).isEqualTo(new PublishedChecksum(0, 0, 0));
    }

    @Test
    void theStreamReadsLazily() {
        for (int i = 0; i < 5; i++) {
            editing.savePublished(published("懒读" + i).draft());
        }
        try (Stream<ArticleDetail> stream = published.all(2)) {
            assertThat(stream.limit(1).toList()).hasSize(1);
        }
    }
}
