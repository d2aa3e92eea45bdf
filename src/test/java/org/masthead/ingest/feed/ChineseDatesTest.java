package org.masthead.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates as Chinese sites write them, read on 2023-08-29 10:00 Beijing time. */
class ChineseDatesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = OffsetDateTime.parse("2023-08-29T10:00:00+08:00").toInstant();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "刚刚                         | 2023-08-29T10:00:00+08:00",
        "3分钟前                      | 2023-08-29T09:57:00+08:00",
        "三分钟前                     | 2023-08-29T09:57:00+08:00",
        "30秒前                       | 2023-08-29T09:59:30+08:00",
        "半小时前                     | 2023-08-29T09:30:00+08:00",
        "2小时前                      | 2023-08-29T08:00:00+08:00",
        "两个小时前                   | 2023-08-29T08:00:00+08:00",
        "十二小时前                   | 2023-08-28T22:00:00+08:00",
        "3天前                        | 2023-08-26T10:00:00+08:00",
        "10分钟后                     | 2023-08-29T10:10:00+08:00",
        "今天 08:00                   | 2023-08-29T08:00:00+08:00",
        "今天08:00                    | 2023-08-29T08:00:00+08:00",
        "昨天 23:01                   | 2023-08-28T23:01:00+08:00",
        "昨天23:01:30                 | 2023-08-28T23:01:30+08:00",
        "前天                         | 2023-08-27T00:00:00+08:00",
        "前天 07:15                   | 2023-08-27T07:15:00+08:00",
        "昨晚8点                      | 2023-08-28T20:00:00+08:00",
        "今天下午3点半                | 2023-08-29T15:30:00+08:00",
        "2023年8月29日 09:18          | 2023-08-29T09:18:00+08:00",
        "2023年8月29日09:18:41        | 2023-08-29T09:18:41+08:00",
        "2023年08月29日               | 2023-08-29T00:00:00+08:00",
        "8月29日 09:18                | 2023-08-29T09:18:00+08:00",
        "12月31日 23:59               | 2022-12-31T23:59:00+08:00",
        "2023-08-29 09:18:41          | 2023-08-29T09:18:41+08:00",
        "2023/8/29 9:18               | 2023-08-29T09:18:00+08:00",
        "2023.08.29                   | 2023-08-29T00:00:00+08:00",
        "2023-08-29T09:18:41+08:00    | 2023-08-29T09:18:41+08:00",
        "2023-08-29T01:18:41Z         | 2023-08-29T09:18:41+08:00",
        "Tue, 29 Aug 2023 01:18:41 GMT | 2023-08-29T09:18:41+08:00",
    })
    void readsRelativeAndAbsoluteDatesInTheSiteZone(String text, String expected) {
        assertThat(ChineseDates.parse(text, NOW, SHANGHAI)).contains(OffsetDateTime.parse(expected).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "明年", "很久以前", "2023年13月1日", "25:00", "今天 25:61", "2023-02-30", "下周", "abc"})
    void readsNothingIntoWhatIsNotADate(String text) {
        assertThat(ChineseDates.parse(text, NOW, SHANGHAI)).isEmpty();
    }
}
