package org.masthead.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.ads.AdSlots;

class PageTagsTest {

    @Test
    void pagesAreTaggedWithTheirKindSoThatAnAdPlacementDropsExactlyThePagesThatRenderIt() {
        assertThat(PageTags.ofPath("/")).contains(PageTags.HOME_PAGE).doesNotContain(PageTags.LIST_PAGES);
        assertThat(PageTags.ofPath("/latest")).contains(PageTags.LIST_PAGES).doesNotContain(PageTags.HOME_PAGE);
        assertThat(PageTags.ofPath("/articles/7")).contains(PageTags.ARTICLE_PAGES, "article:7");
        assertThat(PageTags.ofPath("/channel/%E8%A6%81%E9%97%BB")).contains(PageTags.LIST_PAGES, "flags:/channel/要闻", "list:/channel/要闻");
        assertThat(PageTags.ofPath("/channel/%E8%A6%81%E9%97%BB/feed.xml")).contains("list:/channel/要闻")
                .doesNotContain(PageTags.LIST_PAGES, "flags:/channel/要闻");
        assertThat(PageTags.ofPath("/tag/x")).contains(PageTags.LIST_PAGES).noneMatch(t -> t.startsWith("flags:"));
        assertThat(PageTags.ofPath("/feed.xml")).doesNotContain(PageTags.HOME_PAGE, PageTags.LIST_PAGES);

        assertThat(PageInvalidation.pagesShowing(AdSlots.HOME_TOP)).containsExactly(PageTags.HOME_PAGE);
        assertThat(PageInvalidation.pagesShowing(AdSlots.LIST_TOP)).containsExactly(PageTags.LIST_PAGES);
        assertThat(PageInvalidation.pagesShowing(AdSlots.ARTICLE_BOTTOM)).containsExactly(PageTags.ARTICLE_PAGES);
        assertThat(PageInvalidation.pagesShowing(AdSlots.SIDEBAR)).containsExactly(PageTags.HTML);
    }

    @Test
    void topicPagesAreKeptUnderTheirDecodedSlugAndAdFramesAndClicksAreNeverKept() {
        assertThat(PageTags.ofPath("/topic/%E5%8F%B0%E5%8D%97")).contains("topic:台南", PageTags.TOPIC_PAGES);
        assertThat(PageTags.ofPath("/topics")).contains(PageTags.TOPICS, PageTags.TOPIC_PAGES);
        assertThat(PageTags.ofPath("/topic/a/b")).isNull();
        assertThat(PageTags.ofPath("/ad/slot/1")).isNull();
        assertThat(PageTags.ofPath("/ad/click/1")).isNull();
    }
}
