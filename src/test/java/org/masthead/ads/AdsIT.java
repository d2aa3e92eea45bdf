package org.masthead.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ads through the real server: the frame of a slot rotates among its creatives by weight and only within
 * their schedule, a click goes to the creative's stored link and nowhere else, impressions and clicks wait
 * in memory and land in the database in one batch, and editors run it all from the back office.
 *
 * <p>Counts are flushed and the schedule is checked only when a test says so (both pushed an hour out).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.ads.flush-interval=1h", "masthead.ads.check-interval=1h"})
class AdsIT {

    private static final Pattern SHOWN = Pattern.compile("/ad/click/(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    AdEditing editing;

    @Autowired
    AdSlots slots;

    @Autowired
    AdCounts counts;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void noCountsPending() {
        counts.flush();
        jdbc.sql("DELETE FROM ad_daily_count").update();
    }

    @Test
    void theFrameRotatesByWeightAmongTheCreativesInsideTheirScheduleAndCountsEveryView() {
        long slot = editing.saveSlot(null, new AdSlotDraft("侧栏轮播", AdSlots.SIDEBAR, 300, 120));
        Instant now = Instant.now();
        long heavy = editing.saveCreative(null, text(slot, "秋季家装节", 3, null, null));
        long light = editing.saveCreative(null, text(slot, "新车上市", 1, null, null));
        long notYet = editing.saveCreative(null, text(slot, "明天开始的广告", 5, now.plus(1, ChronoUnit.DAYS), null));
        long over = editing.saveCreative(null, text(slot, "已结束的广告", 5, now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS)));
        long stopped = editing.saveCreative(null, text(slot, "已停用的广告", 5, null, null));
        editing.setCreativeActive(stopped, false);

        int views = 1200;
        Map<Long, Integer> shown = new HashMap<>();
        for (int i = 0; i < views; i++) {
            HttpResponse<String> frame = TestSites.get(port, "/ad/slot/" + slot);
            assertThat(frame.statusCode()).isEqualTo(200);
            Matcher m = SHOWN.matcher(frame.body());
            assertThat(m.find()).as("a creative in view " + i).isTrue();
            shown.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
        }

        assertThat(shown.keySet()).containsExactlyInAnyOrder(heavy, light);
        // Weight 3 of 4: expected 0.75, standard deviation 0.0125 at 1,200 views; ±0.05 is four of them.
        assertThat(shown.get(heavy) / (double) views).isBetween(0.70, 0.80);
        assertThat(stored()).as("nothing written before the batch").isEmpty();
        assertThat(counts.flush()).isEqualTo(2);
        Map<Long, long[]> stored = stored();
        assertThat(stored.keySet()).containsExactlyInAnyOrder(heavy, light);
        assertThat(stored.get(heavy)[0]).isEqualTo((long) shown.get(heavy));
        assertThat(stored.get(light)[0]).isEqualTo((long) shown.get(light));
        assertThat(stored).doesNotContainKeys(notYet, over, stopped);
    }

    @Test
    void aClickGoesToTheCreativesOwnLinkOnlyAndIsCountedInTheNextBatch() {
        long slot = editing.saveSlot(null, new AdSlotDraft("文章底部", AdSlots.ARTICLE_BOTTOM, null, 90));
        long linked = editing.saveCreative(null, new CreativeDraft(slot, CreativeKind.TEXT, "秋季特卖", "https://shop.example.cn/秋季特卖?from=masthead", null, null,
                1, null, null));
        long unlinked = editing.saveCreative(null, new CreativeDraft(slot, CreativeKind.TEXT, "本站诚聘编辑", null, null, null, 1, null, null));

        for (String attempt : List.of("/ad/click/" + linked, "/ad/click/" + linked + "?url=https://evil.example/", "/ad/click/" + linked + "?next=//evil.example")) {
            HttpResponse<String> click = TestSites.get(port, attempt);
            assertThat(click.statusCode()).as(attempt).isEqualTo(302);
            assertThat(click.headers().firstValue("Location")).as(attempt)
                    .hasValue("https://shop.example.cn/%E7%A7%8B%E5%AD%A3%E7%89%B9%E5%8D%96?from=masthead");
            assertThat(click.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        for (String nowhere : List.of("/ad/click/" + unlinked, "/ad/click/999999", "/ad/click/%2F%2Fevil.example", "/ad/click/https:%2F%2Fevil.example")) {
            HttpResponse<String> answer = TestSites.get(port, nowhere);
            assertThat(answer.statusCode()).as(nowhere).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Location")).as(nowhere).isEmpty();
        }

        counts.flush();
        assertThat(stored().get(linked)).containsExactly(0, 3);
        assertThat(stored()).doesNotContainKey(unlinked);
        // A second batch adds to the day's row instead of writing another.
        TestSites.get(port, "/ad/click/" + linked);
        counts.flush();
        assertThat(stored().get(linked)).containsExactly(0, 4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ad_daily_count WHERE creative_id = ?").param(linked).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void pagesCarryAFramePerSlotWithTheLabelAndACloseControlAndOnlyTheFrameMayBeFramed() {
        long slot = editing.saveSlot(null, new AdSlotDraft("首页通栏", AdSlots.HOME_TOP, null, 90));
        editing.saveCreative(null, new CreativeDraft(slot, CreativeKind.IMAGE, "家装节海报", "https://shop.example.cn/", "https://img.example.cn/ad.png",
                null, 1, null, null));

        HttpResponse<String> home = TestSites.get(port, "/");
        assertThat(home.body()).contains("src=\"/ad/slot/" + slot + "\"", "class=\"ad-label\">广告<", "id=\"ad-close-" + slot + "\"",
                "aria-label=\"关闭广告\"", "height=\"90\"");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));

        HttpResponse<String> frame = TestSites.get(port, "/ad/slot/" + slot);
        assertThat(frame.body()).contains("<img src=\"https://img.example.cn/ad.png\" alt=\"家装节海报\">", "target=\"_top\"", "rel=\"sponsored nofollow\"");
        assertThat(frame.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(frame.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'self'")
                .contains("script-src 'self'"));
        assertThat(frame.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aSlotAppearsOnThePagesWhenItsFirstCreativeEntersItsWindowAndLeavesWhenStopped() throws InterruptedException {
        Instant soon = Instant.now().plusSeconds(2);
        long slot = editing.saveSlot(null, new AdSlotDraft("列表页顶部", AdSlots.LIST_TOP, 728, 90));
        editing.saveCreative(null, text(slot, "限时活动", 1, soon, null));
        assertThat(TestSites.get(port, "/latest").body()).doesNotContain("/ad/slot/" + slot);
        assertThat(TestSites.get(port, "/ad/slot/" + slot).body()).doesNotContain("/ad/click/");

        while (Instant.now().isBefore(soon.plusMillis(100))) {
            Thread.sleep(50);
        }
        slots.refresh(); // what the schedule does every few seconds
        assertThat(TestSites.get(port, "/latest").body()).contains("src=\"/ad/slot/" + slot + "\"", "width=\"728\"");

        editing.setSlotActive(slot, false);
        assertThat(TestSites.get(port, "/latest").body()).doesNotContain("/ad/slot/" + slot);
        assertThat(TestSites.get(port, "/ad/slot/" + slot).body()).doesNotContain("/ad/click/");
    }

    @Test
    void editorsRunSlotsAndCreativesFromTheBackOfficeAndBadInputIsRefusedWithNothingStored() {
        TestBrowser editor = new TestBrowser(port);
        assertThat(editor.signIn("admin", TestSites.ADMIN_PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> created = editor.postForm("/admin/ads/slots", Map.of("name", "后台建的广告位", "placement", AdSlots.SIDEBAR, "width", "", "height", "150"));
        assertThat(created.statusCode()).isEqualTo(302);
        long slot = jdbc.sql("SELECT id FROM ad_slot WHERE name = '后台建的广告位'").query(Long.class).single();

        HttpResponse<String> taken = editor.postForm("/admin/ads/slots", Map.of("name", "后台建的广告位", "placement", AdSlots.SIDEBAR, "height", "90"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("已有名为「后台建的广告位」的广告位", "value=\"后台建的广告位\"");

        long before = jdbc.sql("SELECT COUNT(*) FROM ad_creative").query(Long.class).single();
        HttpResponse<String> hostile = editor.postForm("/admin/ads/creatives", Map.of("slotId", String.valueOf(slot), "kind", "text", "title", "点我领奖",
                "linkUrl", "javascript:alert(1)", "weight", "2", "startsAt", "", "endsAt", ""));
        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(hostile.body()).contains("链接地址「javascript:alert(1)」无效", "value=\"点我领奖\"");
        HttpResponse<String> backwards = editor.postForm("/admin/ads/creatives", Map.of("slotId", String.valueOf(slot), "kind", "text", "title", "倒着的投放期",
                "weight", "1", "startsAt", "2026-12-02T08:00", "endsAt", "2026-12-01T08:00"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("结束时间须晚于开始时间", "value=\"2026-12-02T08:00\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ad_creative").query(Long.class).single()).isEqualTo(before);

        HttpResponse<String> html = editor.postForm("/admin/ads/creatives", Map.of("slotId", String.valueOf(slot), "kind", "html", "title", "HTML 广告",
                "linkUrl", "https://shop.example.cn/", "html", "<p onclick=\"steal()\">双十一<a href=\"https://evil.example/\">大促</a></p><script>steal()</script>",
                "weight", "1", "startsAt", "", "endsAt", ""));
        assertThat(html.statusCode()).isEqualTo(302);
        String stored = jdbc.sql("SELECT html FROM ad_creative WHERE title = 'HTML 广告'").query(String.class).single();
        assertThat(stored).isEqualTo("<p>双十一大促</p>");
        long creative = jdbc.sql("SELECT id FROM ad_creative WHERE title = 'HTML 广告'").query(Long.class).single();
        assertThat(TestSites.get(port, "/ad/slot/" + slot).body()).contains("<a class=\"ad-html\" href=\"/ad/click/" + creative + "\"");

        TestSites.get(port, "/ad/click/" + creative);
        HttpResponse<String> overview = editor.get("/admin/ads");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("后台建的广告位", "#" + creative + " HTML 广告", "近 14 天每日数据");
        assertThat(overview.body()).containsPattern("<td>\\d{4}-\\d\\d-\\d\\d</td><th scope=\"row\">#" + creative + " HTML 广告</th><td>1</td><td>1</td><td>100.0%</td>");

        assertThat(editor.postForm("/admin/ads/creatives/" + creative + "/stop", Map.of()).statusCode()).isEqualTo(302);
        assertThat(slots.pick(slot)).isEmpty();
    }

    private static CreativeDraft text(long slot, String title, int weight, Instant from, Instant to) {
        return new CreativeDraft(slot, CreativeKind.TEXT, title, "https://ad.example.cn/" + weight, null, null, weight, from, to);
    }

    /** creative id → {impressions, clicks} as stored. */
    private Map<Long, long[]> stored() {
        Map<Long, long[]> rows = new HashMap<>();
        jdbc.sql("SELECT creative_id, impressions, clicks FROM ad_daily_count").query(rs -> {
            rows.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        return rows;
    }
}
