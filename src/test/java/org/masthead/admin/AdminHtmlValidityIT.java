package org.masthead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.masthead.site.NuHtmlChecker;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The back-office pages of this module pass the W3C Nu HTML checker with no errors, in their error states too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminHtmlValidityIT {

    @LocalServerPort
    int port;

    private final NuHtmlChecker checker = new NuHtmlChecker();
    private TestBrowser admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeAll
    void signIn() {
        admin = new TestBrowser(port);
        admin.signIn("admin", TestSites.ADMIN_PASSWORD);
    }

    @Test
    void signInPageWithAndWithoutAnErrorIsValid() {
        assertValid(new TestBrowser(port).get("/admin/login"), 200);
        TestBrowser failing = new TestBrowser(port);
        failing.signIn("nobody", "wrong-password-here");
        assertThat(assertValid(failing.get("/admin/login?error"), 401)).contains("用户名或密码错误");
    }

    @Test
    void dashboardIsValid() {
        assertThat(assertValid(admin.get("/admin"), 200)).contains("文章状态");
    }

    @Test
    void usersPageWithAnErrorIsValid() {
        assertValid(admin.get("/admin/users"), 200);
        admin.postForm("/admin/users", Map.of("username", "html.check", "password", "html-check-password", "role", "editor"));
        assertThat(assertValid(admin.postForm("/admin/users", Map.of("username", "x", "password", "short", "role", "author")), 400)).contains("用户名须为");
    }

    @Test
    void tokensPageWithANewTokenIsValid() {
        assertValid(admin.get("/admin/tokens"), 200);
        String created = assertValid(admin.send("POST", "/admin/tokens", "application/x-www-form-urlencoded",
                "name=check&scopes=articles%3Aread&_csrf=" + java.net.URLEncoder.encode(admin.csrf(), java.nio.charset.StandardCharsets.UTF_8), Map.of()), 201);
        assertThat(created).contains("mh_");
        assertValid(admin.get("/admin/tokens"), 200);
    }

    @Test
    void searchPageWithResultsProblemsAndTheRebuildPanelIsValid() {
        assertThat(assertValid(admin.get("/admin/search"), 200)).contains("重建索引");
        assertValid(admin.get("/admin/search?q=" + java.net.URLEncoder.encode("稻草人 \"<b>\"", java.nio.charset.StandardCharsets.UTF_8) + "&status=draft"), 200);
        assertThat(assertValid(admin.get("/admin/search?q=x&status=lost&page=0"), 400)).contains("lost");
    }

    @Test
    void passwordAndForbiddenPagesAreValid() {
        assertValid(admin.get("/admin/password"), 200);
        assertValid(admin.get("/admin/forbidden"), 403);
    }

    private String assertValid(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        String html = response.body();
        List<String> errors = new ArrayList<>();
        for (NuHtmlChecker.Message m : checker.check(html)) {
            if (m.isError()) {
                errors.add(m.where() + ": " + m.text());
            }
        }
        assertThat(errors).as("Nu HTML checker errors on %s", response.uri()).isEmpty();
        return html;
    }
}
