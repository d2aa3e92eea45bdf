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

/** Reading every article, whatever its status, for derived stores: the same SQL on every database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ArticleSnapshotsContract {

    @Autowired
    ArticleEditing editing;

    @Autowired
    ArticleSnapshots snapshots;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startFromEmptyTables() {
        for (String table : List.of("article_tag", "article_author", "article_figure", "article", "tag", "channel", "source")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @Test
    void streamsEveryArticleCompleteInIdOrderAcrossBatchesWhateverItsStatus() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(editing.savePublished(published("第" + i + "条").channel("要闻").source("新华社").authors("记者" + i).tags("标签" + i, "共同")
                    .figures(new Figure("https://img.example.cn/" + i + ".jpg", "图" + i)).at("2023-08-29T0" + i + ":00:00Z").draft()).articleId());
        }
        jdbc.sql("UPDATE article SET status = 'draft' WHERE id = ?").param(ids.get(3)).update();
        jdbc.sql("UPDATE article SET status = 'unpublished' WHERE id = ?").param(ids.get(5)).update();

        List<ArticleDetail> all;
        try (Stream<ArticleDetail> stream = snapshots.all(2)) {
            all = stream.toList();
        }
        assertThat(all).extracting(ArticleDetail::id).containsExactlyElementsOf(ids);
        assertThat(all.get(3).status()).isEqualTo(ArticleStatus.DRAFT);
        ArticleDetail fifth = all.get(5);
        assertThat(fifth.status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(fifth.title()).isEqualTo("第5条");
        assertThat(fifth.tags()).extracting(t -> t.name()).containsExactly("标签5", "共同");
        assertThat(fifth.authors()).containsExactly("记者5");
        assertThat(fifth.figures()).containsExactly(new Figure("https://img.example.cn/5.jpg", "图5"));
        assertThat(fifth.channel().name()).isEqualTo("要闻");
        assertThat(fifth.source().name()).isEqualTo("新华社");
        assertThat(snapshots.byIds(List.of(ids.get(5), ids.get(3), -1L, ids.get(3)))).extracting(ArticleDetail::id)
                .as("any status, in id order, missing ids left out").containsExactly(ids.get(3), ids.get(5));

        // By status, then id; batches of 2 cross from one status to the next (draft 1, published 5, unpublished 1).
        List<ArticleVersion> versions;
        try (Stream<ArticleVersion> stream = snapshots.versions(2)) {
            versions = stream.toList();
        }
        List<Long> publishedIds = new ArrayList<>(ids);
        publishedIds.remove(ids.get(5));
        publishedIds.remove(ids.get(3));
        List<Long> expectedOrder = new ArrayList<>();
        expectedOrder.add(ids.get(3));
        expectedOrder.addAll(publishedIds);
        expectedOrder.add(ids.get(5));
        assertThat(versions).extracting(ArticleVersion::id).containsExactlyElementsOf(expectedOrder);
        assertThat(versions).filteredOn(v -> v.id() == fifth.id()).singleElement()
                .isEqualTo(new ArticleVersion(fifth.id(), fifth.updatedAt(), "unpublished"));

        ArticleChecksum checksum = snapshots.checksum();
        assertThat(checksum.count()).isEqualTo(7);
        assertThat(checksum.idSum()).isEqualTo(ids.stream().mapToLong(Long::longValue).sum());
        assertThat(checksum.updatedAtSum()).isEqualTo(versions.stream().mapToLong(v -> v.updatedAt().toEpochMilli()).sum());
        assertThat(checksum.statusSum()).isEqualTo(versions.stream().mapToLong(v -> v.id() * ArticleChecksum.statusWeight(v.status())).sum());

        // A status change alone (no new update time) still moves the checksum.
        jdbc.sql("UPDATE article SET status = 'published' WHERE id = ?").param(ids.get(3)).update();
        ArticleChecksum after = snapshots.checksum();
        assertThat(after.updatedAtSum()).isEqualTo(checksum.updatedAtSum());
        assertThat(after.statusSum()).isNotEqualTo(checksum.statusSum());
    }

    @Test
    void statusWeightsDifferPerStatusAndAreZeroForUnknownCodes() {
        assertThat(java.util.Arrays.stream(ArticleStatus.values()).map(s -> ArticleChecksum.statusWeight(s.code())).distinct().count())
                .isEqualTo(ArticleStatus.values().length);
        assertThat(java.util.Arrays.stream(ArticleStatus.values()).mapToLong(s -> ArticleChecksum.statusWeight(s.code())).min().orElseThrow()).isPositive();
        assertThat(ArticleChecksum.statusWeight("no-such-status")).isZero();
        assertThat(ArticleChecksum.statusWeight(null)).isZero();
    }

    @Test
    void anEmptyTableGivesAnEmptyStreamAndZeroChecksum() {
        assertThat(snapshots.all()).isEmpty();
        assertThat(snapshots.versions()).isEmpty();
        assertThat(snapshots.checksum()).isEqualTo(new ArticleChecksum(0, 0, 0, 0));
    }

    @Test
    void theStreamReadsLazily() {
        for (int i = 0; i < 5; i++) {
            editing.savePublished(published("懒读" + i).draft());
        }
        try (Stream<ArticleDetail> stream = snapshots.all(2)) {
            assertThat(stream.limit(1).toList()).hasSize(1);
        }
    }
}
