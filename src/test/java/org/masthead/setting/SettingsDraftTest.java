package org.masthead.setting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsDraftTest {

    private static final Year THIS_YEAR = Year.of(2026);

    private static SettingsDraft draft(String name, String icp, String filing, String email, String zone, String excerpt, String listSize,
            List<SiteSettings.FriendLink> links) {
        return new SettingsDraft(name, "在地新闻", "https://cdn.example.cn/logo.png", "2019", icp, filing, email, zone, excerpt, listSize, "30",
                "https://news.example.cn/", links);
    }

    @Test
    void turnsAGoodFormIntoSettingsDroppingBlankLinkRows() {
        SettingsDraft.Checked checked = draft(" 台南新闻网 ", "京ICP备12345678号-1", "京公网安备 11010502030143号", "editor@example.cn", "Asia/Taipei", "48", "15",
                List.of(new SiteSettings.FriendLink("新华网", "https://www.xinhuanet.com/"), new SiteSettings.FriendLink(" ", ""),
                        new SiteSettings.FriendLink("人民网", "http://www.people.com.cn"))).check(THIS_YEAR);

        assertThat(checked.problems()).isEmpty();
        SiteSettings s = checked.settings();
        assertThat(s.name()).isEqualTo("台南新闻网");
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("Asia/Taipei"));
        assertThat(s.excerptLength()).isEqualTo(48);
        assertThat(s.listPageSize()).isEqualTo(15);
        assertThat(s.homePageSize()).isEqualTo(30);
        assertThat(s.baseUrl()).isEqualTo("https://news.example.cn");
        assertThat(s.friendLinks()).extracting(SiteSettings.FriendLink::name).containsExactly("新华网", "人民网");
        assertThat(s.publicSecurityFilingUrl()).isEqualTo("https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143");
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        SettingsDraft.Checked checked = draft("", "ICP 12345", "公安备案", "not-an-address", "Mars/Olympus", "abc", "1000",
                List.of(new SiteSettings.FriendLink("FTP 站", "ftp://files.example.cn"), new SiteSettings.FriendLink("", "https://nameless.example.cn")))
                .check(THIS_YEAR);

        assertThat(checked.settings()).isNull();
        assertThat(checked.problems()).containsOnlyKeys("name", "icp", "publicSecurityFiling", "email", "timeZone", "excerptLength", "listPageSize",
                "friendLinks.0", "friendLinks.1");
        assertThat(checked.problems().get("timeZone").messageKey()).isEqualTo("settings.error.timeZone");
        assertThat(checked.problems().get("listPageSize").arguments()).containsExactly(5, 100);
        assertThat(checked.problems().get("friendLinks.0").messageKey()).isEqualTo("settings.error.linkUrl");
        assertThat(checked.problems().get("friendLinks.1").messageKey()).isEqualTo("settings.error.linkName");
    }

    @Test
    void refusesAFutureCopyrightYearAndAnAddressThatIsNotTheWeb() {
        SettingsDraft bad = new SettingsDraft("站", "", "javascript:alert(1)", "2027", "", "", "", "Asia/Shanghai", "36", "20", "20", "localhost:8080",
                List.of());
        assertThat(bad.check(THIS_YEAR).problems()).containsOnlyKeys("logoUrl", "copyrightSince", "baseUrl");
    }

    @Test
    void acceptsAPathOnThisSiteAsLogoButNotAProtocolRelativeOne() {
        SettingsDraft path = new SettingsDraft("站", "", "/media/logo.png", "2020", "", "", "", "UTC", "36", "20", "20", "http://localhost:8080", List.of());
        assertThat(path.check(THIS_YEAR).problems()).isEmpty();
        SettingsDraft other = new SettingsDraft("站", "", "//evil.example/x.png", "2020", "", "", "", "UTC", "36", "20", "20", "http://localhost:8080",
                List.of());
        assertThat(other.check(THIS_YEAR).problems()).containsOnlyKeys("logoUrl");
    }

    @Test
    void storesFriendLinksOneALineAndReadsThemBack() {
        List<SiteSettings.FriendLink> links = List.of(new SiteSettings.FriendLink("新华网", "https://www.xinhuanet.com/"),
                new SiteSettings.FriendLink("人民\t网", "http://www.people.com.cn"));
        assertThat(SiteSettingsStore.friendLinks(SiteSettingsStore.friendLinks(links)))
                .containsExactly(links.get(0), new SiteSettings.FriendLink("人民 网", "http://www.people.com.cn"));
    }
}
