package org.masthead.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Signing in and out, throttling, the audit trail, user management and API tokens, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsIT {

    private static final SignedInUser SETUP = new SignedInUser(0, "test-setup", Role.ADMIN, 0, null);
    private static final Pattern SECRET = Pattern.compile("id=\"secret\" type=\"text\" readonly value=\"(mh_[A-Za-z0-9_-]{43})\"");
    private static final String LINE = "{\"title\":\"令牌导入\",\"body\":\"<p>正文。</p>\",\"publishedAt\":\"2026-01-02T03:04:05Z\",\"originalUrl\":\"https://example.cn/token/%s\"}";

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration users;

    @Autowired
    AccountEvents events;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @Test
    void signInPageIsChineseAccessibleAndCarriesACsrfToken() {
        HttpResponse<String> page = new TestBrowser(port).get("/admin/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"zh-CN\"", "<label for=\"username\">用户名</label>", "<label for=\"password\">密码</label>",
                "autocomplete=\"current-password\"", "name=\"_csrf\"", "method=\"post\" action=\"/admin/login\"");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void signingInGivesANewHttpOnlyLaxSessionAndSigningOutEndsIt() {
        TestBrowser browser = new TestBrowser(port);
        browser.refreshCsrf("/admin/login");
        String before = sessionId(browser);
        HttpResponse<String> signIn = browser.postForm("/admin/login", Map.of("username", "admin", "password", TestSites.ADMIN_PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MASTHEAD_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(sessionId(browser)).as("session fixation: a new id at sign-in").isNotEqualTo(before);

        HttpResponse<String> dashboard = browser.get("/admin");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("仪表盘", "文章状态", "草稿", "已发布", "最近登录", ">用户</a>", ">令牌</a>", "action=\"/admin/logout\"");
        browser.refreshCsrf("/admin");

        HttpResponse<String> out = browser.postForm("/admin/logout", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?logout");
        HttpResponse<String> after = browser.get("/admin");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/admin/login");
        assertThat(events.recent(50, AccountEvent.Kind.LOGIN_SUCCESS, AccountEvent.Kind.LOGOUT)).extracting(AccountEvent::kind)
                .contains(AccountEvent.Kind.LOGIN_SUCCESS, AccountEvent.Kind.LOGOUT);
    }

    @Test
    void readerPagesAndTheApiSetNoCookie() {
        // Sessions exist for the back office only: a cookie on a public page would defeat page caches.
        for (String path : List.of("/", "/latest", "/feed.xml", "/sitemap.xml", "/api/v1/articles", "/no-such-page")) {
            assertThat(TestSites.get(port, path).headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        assertThat(TestSites.importAsAdmin(port, LINE.formatted("cookie")).headers().allValues("Set-Cookie")).as("HTTP Basic is stateless").isEmpty();
    }

    @Test
    void sessionCookieIsSecureWhenAProxyReportsHttps() {
        TestBrowser browser = new TestBrowser(port);
        HttpResponse<String> page = browser.send("GET", "/admin/login", null, "", Map.of("X-Forwarded-Proto", "https"));
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MASTHEAD_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        TestBrowser browser = new TestBrowser(port);
        browser.get("/admin/login");
        HttpResponse<String> signIn = browser.postFormWithoutToken("/admin/login", Map.of("username", "admin", "password", TestSites.ADMIN_PASSWORD));
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?expired");
        assertThat(browser.get("/admin").statusCode()).as("not signed in").isEqualTo(302);

        TestBrowser admin = signedIn("admin", TestSites.ADMIN_PASSWORD);
        HttpResponse<String> forged = admin.postFormWithoutToken("/admin/users", Map.of("username", "forged", "password", "forged-password-123", "role", "admin"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("无权访问");
        assertThat(users.all()).extracting(UserAccount::username).doesNotContain("forged");
    }

    @Test
    void aWrongPasswordSaysSoKeepsTheNameAndIsAudited() {
        TestBrowser browser = new TestBrowser(port);
        browser.signIn("admin", "not-the-password");
        HttpResponse<String> page = browser.get("/admin/login?error");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("role=\"alert\"", "用户名或密码错误", "value=\"admin\"", "aria-invalid=\"true\"");
        assertThat(events.recent(100, AccountEvent.Kind.LOGIN_FAILURE)).anySatisfy(e -> {
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.ip()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void fiveFailuresLockTheNameEvenForTheRightPasswordButNotOtherNames() {
        users.create(SETUP, "locked.out", "locked-out-password", Role.AUTHOR);
        users.create(SETUP, "neighbour", "neighbour-password", Role.AUTHOR);
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            // Each from another address, so only the per-name count can lock.
            TestBrowser browser = new TestBrowser(port);
            browser.refreshCsrf("/admin/login");
            browser.send("POST", "/admin/login", "application/x-www-form-urlencoded",
                    "username=locked.out&password=wrong-guess-" + i + "&_csrf=" + java.net.URLEncoder.encode(csrf(browser), StandardCharsets.UTF_8),
                    Map.of("X-Forwarded-For", "198.51.100." + (i + 1)));
        }
        TestBrowser owner = new TestBrowser(port);
        HttpResponse<String> refused = owner.signIn("locked.out", "locked-out-password");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
        assertThat(owner.get("/admin/login?error").body()).contains("登录失败次数过多", "15 分钟后再试");
        assertThat(signedIn("neighbour", "neighbour-password").get("/admin").statusCode()).isEqualTo(200);
        // Also through HTTP Basic on the API: the same lock.
        assertThat(basicImport("locked.out", "locked-out-password", "basic-locked").statusCode()).isEqualTo(401);
        assertThat(events.recent(200, AccountEvent.Kind.LOGIN_REFUSED_LOCKED)).extracting(AccountEvent::username).contains("locked.out");
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressOnly() {
        users.create(SETUP, "ip.victim", "ip-victim-password", Role.AUTHOR);
        String attacker = "203.0.113.77";
        for (int i = 0; i < LoginThrottle.IP_LIMIT; i++) {
            TestBrowser browser = new TestBrowser(port);
            browser.refreshCsrf("/admin/login");
            browser.send("POST", "/admin/login", "application/x-www-form-urlencoded",
                    "username=nobody" + i + "&password=guess&_csrf=" + java.net.URLEncoder.encode(csrf(browser), StandardCharsets.UTF_8),
                    Map.of("X-Forwarded-For", attacker));
        }
        TestBrowser fromAttacker = new TestBrowser(port);
        fromAttacker.refreshCsrf("/admin/login");
        HttpResponse<String> refused = fromAttacker.send("POST", "/admin/login", "application/x-www-form-urlencoded",
                "username=ip.victim&password=ip-victim-password&_csrf=" + java.net.URLEncoder.encode(csrf(fromAttacker), StandardCharsets.UTF_8),
                Map.of("X-Forwarded-For", attacker));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
        assertThat(signedIn("ip.victim", "ip-victim-password").get("/admin").statusCode()).as("from another address").isEqualTo(200);
    }

    @Test
    void adminManagesUsersWithClearErrorsAndChangesEndSessions() {
        TestBrowser admin = signedIn("admin", TestSites.ADMIN_PASSWORD);
        HttpResponse<String> tooShort = admin.postForm("/admin/users", Map.of("username", "wang.wu", "password", "short", "role", "editor"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("密码至少需要 12 个字符（当前 5 个）", "value=\"wang.wu\"");
        HttpResponse<String> sameAsName = admin.postForm("/admin/users", Map.of("username", "wang.wu.long", "password", "WANG.WU.LONG", "role", "editor"));
        assertThat(sameAsName.body()).contains("密码不能与用户名相同");
        HttpResponse<String> badName = admin.postForm("/admin/users", Map.of("username", "王五 <b>", "password", "a-good-password", "role", "editor"));
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("用户名须为 2 至 32 个字符").doesNotContain("<b>");

        HttpResponse<String> created = admin.postForm("/admin/users", Map.of("username", "Wang.Wu", "password", "wang-wu-password", "role", "editor"));
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users?done=created");
        assertThat(admin.get("/admin/users?done=created").body()).contains("用户已创建", "wang.wu");
        HttpResponse<String> taken = admin.postForm("/admin/users", Map.of("username", "wang.wu", "password", "another-password", "role", "author"));
        assertThat(taken.body()).contains("用户名「wang.wu」已被使用");
        long id = users.all().stream().filter(u -> u.username().equals("wang.wu")).findFirst().orElseThrow().id();

        TestBrowser wang = signedIn("wang.wu", "wang-wu-password");
        assertThat(wang.get("/admin/users").statusCode()).as("an editor does not manage users").isEqualTo(403);
        assertThat(wang.get("/admin").body()).doesNotContain(">用户</a>").contains(">令牌</a>");

        admin.postForm("/admin/users/" + id + "/role", Map.of("role", "author"));
        assertThat(users.all()).filteredOn(u -> u.id() == id).extracting(UserAccount::role).containsExactly(Role.AUTHOR);
        assertThat(wang.get("/admin").statusCode()).as("a changed role ends the session").isEqualTo(302);

        wang = signedIn("wang.wu", "wang-wu-password");
        admin.postForm("/admin/users/" + id + "/disable", Map.of());
        assertThat(wang.get("/admin").statusCode()).as("disabling ends the session").isEqualTo(302);
        TestBrowser again = new TestBrowser(port);
        again.signIn("wang.wu", "wang-wu-password");
        assertThat(again.get("/admin/login?error").body()).contains("该账户已停用");

        admin.postForm("/admin/users/" + id + "/enable", Map.of());
        HttpResponse<String> weakReset = admin.postForm("/admin/users/" + id + "/password", Map.of("password", "short"));
        assertThat(weakReset.statusCode()).isEqualTo(400);
        admin.postForm("/admin/users/" + id + "/password", Map.of("password", "a-brand-new-password"));
        assertThat(new TestBrowser(port).signIn("wang.wu", "wang-wu-password").headers().firstValue("Location").orElseThrow()).endsWith("?error");
        assertThat(signedIn("wang.wu", "a-brand-new-password").get("/admin").statusCode()).isEqualTo(200);

        HttpResponse<String> self = admin.postForm("/admin/users/1/role", Map.of("role", "author"));
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("不能更改自己的角色");
        assertThat(events.recent(100)).extracting(AccountEvent::kind).contains(AccountEvent.Kind.USER_CREATED, AccountEvent.Kind.ROLE_CHANGED,
                AccountEvent.Kind.USER_DISABLED, AccountEvent.Kind.USER_ENABLED, AccountEvent.Kind.PASSWORD_RESET);
    }

    @Test
    void aUserChangesTheirOwnPasswordAndSignsInAgain() {
        users.create(SETUP, "li.si", "li-si-old-password", Role.AUTHOR);
        TestBrowser li = signedIn("li.si", "li-si-old-password");
        TestBrowser otherDevice = signedIn("li.si", "li-si-old-password");
        HttpResponse<String> wrongCurrent = li.postForm("/admin/password", Map.of("current", "not-it-at-all", "password", "li-si-new-password", "confirm", "li-si-new-password"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("当前密码不正确");
        HttpResponse<String> mismatch = li.postForm("/admin/password", Map.of("current", "li-si-old-password", "password", "li-si-new-password", "confirm", "li-si-new-passw0rd"));
        assertThat(mismatch.body()).contains("两次输入的新密码不一致");
        HttpResponse<String> done = li.postForm("/admin/password", Map.of("current", "li-si-old-password", "password", "li-si-new-password", "confirm", "li-si-new-password"));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?changed");
        assertThat(li.get("/admin").statusCode()).isEqualTo(302);
        assertThat(otherDevice.get("/admin").statusCode()).as("every session of the user ends").isEqualTo(302);
        assertThat(signedIn("li.si", "li-si-new-password").get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void anOldBcryptHashBecomesArgon2AtTheNextSignIn() {
        jdbc.sql("INSERT INTO app_user (username, password_hash, role, created_at) VALUES ('old.timer', ?, 'author', 0)")
                .param("{bcrypt}" + new BCryptPasswordEncoder().encode("old-timer-password"))
                .update();
        assertThat(signedIn("old.timer", "old-timer-password").get("/admin").statusCode()).isEqualTo(200);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'old.timer'").query(String.class).single();
        assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        assertThat(signedIn("old.timer", "old-timer-password").get("/admin").statusCode()).as("and still verifies").isEqualTo(200);
    }

    @Test
    void tokensAreShownOnceStoredHashedAndActAsTheirUserWithinTheirScopes() {
        users.create(SETUP, "zhao.liu", "zhao-liu-password", Role.EDITOR);
        TestBrowser zhao = signedIn("zhao.liu", "zhao-liu-password");
        HttpResponse<String> noScope = zhao.postForm("/admin/tokens", Map.of("name", "导入脚本"));
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(noScope.body()).contains("请至少选择一项权限范围", "value=\"导入脚本\"");

        String body = "name=" + enc("导入脚本") + "&scopes=articles%3Awrite&scopes=articles%3Apublish&expires=&_csrf=" + enc(csrf(zhao));
        HttpResponse<String> created = zhao.send("POST", "/admin/tokens", "application/x-www-form-urlencoded", body, Map.of());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        Matcher m = SECRET.matcher(created.body());
        assertThat(m.find()).as("the token is on the page").isTrue();
        String token = m.group(1);
        assertThat(zhao.get("/admin/tokens").body()).doesNotContain(token).contains("导入脚本", "articles:write articles:publish");
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE name = '导入脚本'").query(String.class).single())
                .isEqualTo(ApiTokens.hash(token)).doesNotContain(token);

        HttpResponse<String> imported = bearerImport(token, "1");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("\"created\"");
        assertThat(TestSites.get(port, "/api/v1/articles?status=draft").statusCode()).as("anonymous still cannot list drafts").isEqualTo(401);

        // A scope beyond the role is refused when creating.
        String adminScope = "name=x&scopes=users%3Aadmin&_csrf=" + enc(csrf(zhao));
        assertThat(zhao.send("POST", "/admin/tokens", "application/x-www-form-urlencoded", adminScope, Map.of()).body()).contains("您的角色没有「users:admin」权限");

        // Demoted to author: the token keeps only what an author may do, so importing is refused.
        long id = users.all().stream().filter(u -> u.username().equals("zhao.liu")).findFirst().orElseThrow().id();
        users.changeRole(SETUP, id, Role.AUTHOR);
        assertThat(bearerImport(token, "2").statusCode()).isEqualTo(403);
        users.changeRole(SETUP, id, Role.EDITOR);
        assertThat(bearerImport(token, "3").statusCode()).isEqualTo(200);

        TestBrowser again = signedIn("zhao.liu", "zhao-liu-password");
        long tokenId = jdbc.sql("SELECT id FROM api_token WHERE name = '导入脚本'").query(Long.class).single();
        HttpResponse<String> revoked = again.postForm("/admin/tokens/" + tokenId + "/revoke", Map.of());
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("/admin/tokens?revoked");
        HttpResponse<String> afterRevoke = bearerImport(token, "4");
        assertThat(afterRevoke.statusCode()).isEqualTo(401);
        assertThat(afterRevoke.headers().allValues("WWW-Authenticate")).anySatisfy(h -> assertThat(h).contains("invalid_token"));
        assertThat(events.recent(100, AccountEvent.Kind.TOKEN_CREATED, AccountEvent.Kind.TOKEN_REVOKED)).filteredOn(e -> e.username().equals("zhao.liu"))
                .extracting(AccountEvent::kind).containsExactly(AccountEvent.Kind.TOKEN_REVOKED, AccountEvent.Kind.TOKEN_CREATED);
    }

    @Test
    void expiredTokensAndTokensOfDisabledUsersAreRefused() {
        users.create(SETUP, "sun.qi", "sun-qi-password", Role.EDITOR);
        long id = users.all().stream().filter(u -> u.username().equals("sun.qi")).findFirst().orElseThrow().id();
        SignedInUser sun = new SignedInUser(id, "sun.qi", Role.EDITOR, 0, null);
        ApiTokens tokens = tokensBean();
        String expiring = tokens.create(sun, "soon", List.of("articles:write", "articles:publish"), Instant.now().plusSeconds(3600)).secret();
        String other = tokens.create(sun, "other", List.of("articles:write", "articles:publish"), null).secret();
        assertThat(bearerImport(expiring, "e1").statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE name = 'soon'").param(Instant.now().minusSeconds(1).toEpochMilli()).update();
        assertThat(bearerImport(expiring, "e2").statusCode()).isEqualTo(401);
        assertThat(bearerImport(other, "e3").statusCode()).isEqualTo(200);
        users.setDisabled(SETUP, id, true);
        assertThat(bearerImport(other, "e4").statusCode()).isEqualTo(401);
        assertThat(bearerImport("mh_" + "A".repeat(43), "e5").statusCode()).isEqualTo(401);
    }

    @Test
    void anAuthorsTokenCannotImportAndAnAuthorCannotOpenEditorPages() {
        users.create(SETUP, "zhou.ba", "zhou-ba-password", Role.AUTHOR);
        long id = users.all().stream().filter(u -> u.username().equals("zhou.ba")).findFirst().orElseThrow().id();
        String token = tokensBean().create(new SignedInUser(id, "zhou.ba", Role.AUTHOR, 0, null), "draft-bot", List.of("articles:write"), null).secret();
        assertThat(bearerImport(token, "a1").statusCode()).isEqualTo(403);
        assertThat(basicImport("zhou.ba", "zhou-ba-password", "a2").statusCode()).isEqualTo(403);
        TestBrowser zhou = signedIn("zhou.ba", "zhou-ba-password");
        HttpResponse<String> settings = zhou.get("/admin/settings");
        assertThat(settings.statusCode()).isEqualTo(403);
        assertThat(settings.body()).contains("您的账户没有权限执行此操作");
    }

    @Autowired
    ApiTokens apiTokens;

    private ApiTokens tokensBean() {
        return apiTokens;
    }

    private HttpResponse<String> bearerImport(String token, String n) {
        return new TestBrowser(port).send("POST", "/api/v1/articles", "application/x-ndjson", LINE.formatted(n), Map.of("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> basicImport(String user, String password, String n) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new TestBrowser(port).send("POST", "/api/v1/articles", "application/x-ndjson", LINE.formatted(n), Map.of("Authorization", "Basic " + basic));
    }

    private TestBrowser signedIn(String username, String password) {
        TestBrowser browser = new TestBrowser(port);
        HttpResponse<String> response = browser.signIn(username, password);
        assertThat(response.headers().firstValue("Location").orElse("")).as("sign-in of " + username).endsWith("/admin");
        return browser;
    }

    private static String csrf(TestBrowser browser) {
        return browser.csrf();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sessionId(TestBrowser browser) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("MASTHEAD_SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }
}
