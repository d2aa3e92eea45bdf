package org.masthead.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelsTest {

    @Test
    void keepsChineseNamesAsTheirOwnSlug() {
        assertThat(Channels.slugOf("行业动态")).isEqualTo("行业动态");
    }

    @Test
    void turnsLatinNamesIntoLowerCaseWords() {
        assertThat(Channels.slugOf("  Tech News ")).isEqualTo("tech-news");
        assertThat(Channels.slugOf("ＡＩ 前沿")).isEqualTo("ai-前沿");
    }

    @Test
    void removesCharactersThatBreakAPath() {
        assertThat(Channels.slugOf("财经/股票?#%")).isEqualTo("财经-股票");
        assertThat(Channels.slugOf("///")).isEqualTo("channel");
    }
}
