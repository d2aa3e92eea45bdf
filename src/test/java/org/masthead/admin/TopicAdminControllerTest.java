package org.masthead.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.masthead.topic.TopicRefused;

class TopicAdminControllerTest {

    @Test
    void readsArticleNumbersAndAddressesSeparatedBySpacesCommasOrLines() {
        assertThat(TopicAdminController.articleIds("12, 15，/articles/7\nhttps://news.example.cn/articles/9/ 3、4")).containsExactly(12L, 15L, 7L, 9L, 3L, 4L);
        assertThat(TopicAdminController.articleIds("  ")).isEmpty();
        assertThatThrownBy(() -> TopicAdminController.articleIds("12 第十三篇")).isInstanceOfSatisfying(TopicRefused.class, e -> {
            assertThat(e.key()).isEqualTo("topic.error.articleRef");
            assertThat(e.args()).containsExactly("第十三篇");
        });
    }
}
