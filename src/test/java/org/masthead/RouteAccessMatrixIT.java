package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.account.SignedInUser;
import org.masthead.account.UserAccount;
import org.masthead.account.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route of the application against every role: anonymous, author, editor, admin.
 *
 * <p>The routes are read from the running application (every {@code @RequestMapping} of every handler
 * mapping, actuator's included, and the static-resource mappings), and each must have a line in
 * {@link #RULES}. A new route without a line fails {@link #everyRouteHasARule()} with the line to add:
 * decide who may use it, add {@code rule("METHOD /pattern", "/a/sample/path", Access.X)}, and if the
 * rule is not {@code PUBLIC} make sure {@code SecurityConfiguration} or a {@code @PreAuthorize}
 * enforces it — {@link #everyRoleGetsWhatItsRuleSays()} then checks it for real, over HTTP.
 *
 * <p>What "gets" means: a route a role may use answers anything but 401, 403, a redirect to the sign-in
 * page or a 5xx (an empty form may well be a 400: the request got through). A route it may not use:
 * anonymous on a page is sent to {@code /admin/login}, anonymous on the API gets 401, a signed-in role
 * below the rule gets 403. Forms carry the session's CSRF token, so the answer is about the role, not
 * about a missing token; API calls of the roles are made twice, with HTTP Basic and with an API token
 * holding every scope of the role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessMatrixIT {

    /** Who may use a route: nobody needs to sign in, or this role and those above it. */
    enum Access {
        PUBLIC,
        AUTHOR,
        EDITOR,
        ADMIN,
        /** The 403 page itself: 403 for everyone, by design. */
        ALWAYS_403,
        /**
         * Spring Boot's error endpoint, asked for directly: it has no error to show and answers 500 by
         * design (it is meant for the container's error dispatch). Nobody is refused.
         */
        ERROR_ENDPOINT
    }

    record Rule(String route, String path, Access access, String contentType, String body) {

        String method() {
            return route.substring(0, route.indexOf(' '));
        }

        boolean api() {
            return path.startsWith("/api/");
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    static Rule rule(String route, String path, Access access) {
        return new Rule(route, path, access, route.startsWith("GET") ? null : FORM, "");
    }

    static Rule rule(String route, String path, Access access, String contentType, String body) {
        return new Rule(route, path, access, contentType, body);
    }

    /** Ids in sample paths: user 2 is the test's throw-away account ("victim"), never one that signs in. */
    static final List<Rule> RULES = List.of(
            // Reader pages
            rule("GET /", "/", Access.PUBLIC),
            rule("GET /latest", "/latest", Access.PUBLIC),
            rule("GET /articles/{id:\\d{1,18}}", "/articles/1", Access.PUBLIC),
            rule("GET /channel/{slug}", "/channel/no-such", Access.PUBLIC),
            rule("GET /tag/{name}", "/tag/no-such", Access.PUBLIC),
            rule("GET /source/{id:\\d{1,18}}", "/source/1", Access.PUBLIC),
            rule("GET /author/{name}", "/author/someone", Access.PUBLIC),
            rule("GET /contact", "/contact", Access.PUBLIC),
            rule("GET /search", "/search?q=x", Access.PUBLIC),
            rule("GET /media/{folder}/{name}", "/media/ab/ab00.jpg", Access.PUBLIC),
            rule("GET /topic/{slug}", "/topic/no-such", Access.PUBLIC),
            rule("GET /topics", "/topics", Access.PUBLIC),
            // Ads: the frame of a slot and the counting redirect of a click
            rule("GET /ad/slot/{id:\\d{1,18}}", "/ad/slot/1", Access.PUBLIC),
            rule("GET /ad/click/{creativeId:\\d{1,18}}", "/ad/click/999999", Access.PUBLIC),
            // Feeds, sitemaps, robots
            rule("GET /{file:feed\\.xml|atom\\.xml|feed\\.json}", "/feed.xml", Access.PUBLIC),
            rule("GET /channel/{slug}/{file:feed\\.xml|atom\\.xml|feed\\.json}", "/channel/no-such/atom.xml", Access.PUBLIC),
            rule("GET /tag/{name}/{file:feed\\.xml|atom\\.xml|feed\\.json}", "/tag/no-such/feed.json", Access.PUBLIC),
            rule("GET /source/{id}/{file:feed\\.xml|atom\\.xml|feed\\.json}", "/source/1/feed.xml", Access.PUBLIC),
            rule("GET /sitemap.xml", "/sitemap.xml", Access.PUBLIC),
            rule("GET /sitemaps/articles-{number:\\d{1,9}}.xml", "/sitemaps/articles-1.xml", Access.PUBLIC),
            rule("GET /sitemaps/pages.xml", "/sitemaps/pages.xml", Access.PUBLIC),
            rule("GET /sitemaps/news.xml", "/sitemaps/news.xml", Access.PUBLIC),
            rule("GET /robots.txt", "/robots.txt", Access.PUBLIC),
            rule("GET /matrix-test-indexnow-key.txt", "/matrix-test-indexnow-key.txt", Access.PUBLIC),
            // Static files and the error page
            rule("GET /**", "/css/site.css", Access.PUBLIC),
            rule("GET /webjars/**", "/webjars/none.js", Access.PUBLIC),
            rule("* /error", "/error", Access.ERROR_ENDPOINT),
            // Actuator
            rule("GET /actuator", "/actuator", Access.PUBLIC),
            rule("GET /actuator/health", "/actuator/health", Access.PUBLIC),
            rule("GET /actuator/health/**", "/actuator/health/liveness", Access.PUBLIC),
            // REST API: reads public, writes by permission
            rule("GET /api/v1/articles", "/api/v1/articles", Access.PUBLIC),
            rule("GET /api/v1/articles/{id}", "/api/v1/articles/1", Access.PUBLIC),
            rule("POST /api/v1/articles", "/api/v1/articles", Access.EDITOR, "application/json", "{}"),
            // Editorial workflow: security lets every newsroom role in; the article's own rules then decide
            // (an unknown article is a 404 for all of them; the whole audit log is for editors).
            rule("POST /api/v1/articles/drafts", "/api/v1/articles/drafts", Access.AUTHOR, "application/json", "{}"),
            rule("PUT /api/v1/articles/{id}", "/api/v1/articles/999999", Access.AUTHOR, "application/json", "{}"),
            rule("DELETE /api/v1/articles/{id}", "/api/v1/articles/999999", Access.AUTHOR),
            rule("POST /api/v1/articles/{id}/{transition:submit|schedule|publish|unpublish|archive|reopen}", "/api/v1/articles/999999/publish", Access.AUTHOR),
            rule("GET /api/v1/articles/{id}/revisions", "/api/v1/articles/999999/revisions", Access.AUTHOR),
            rule("GET /api/v1/articles/{id}/revisions/{number}", "/api/v1/articles/999999/revisions/1", Access.AUTHOR),
            rule("GET /api/v1/articles/{id}/revisions/diff", "/api/v1/articles/999999/revisions/diff?from=1&to=2", Access.AUTHOR),
            rule("POST /api/v1/articles/{id}/revisions/{number}/restore", "/api/v1/articles/999999/revisions/1/restore", Access.AUTHOR),
            rule("GET /api/v1/articles/{id}/audit", "/api/v1/articles/999999/audit", Access.AUTHOR),
            rule("GET /api/v1/audit", "/api/v1/audit", Access.EDITOR),
            rule("POST /api/v1/media", "/api/v1/media", Access.AUTHOR, "application/json", "{}"),
            // Flags: writing articles lets the request in, the article module refuses authors (403)
            rule("POST /api/v1/articles/{id}/flags", "/api/v1/articles/999999/flags", Access.EDITOR, "application/json", "{}"),
            rule("GET /api/v1/search", "/api/v1/search?q=x", Access.PUBLIC),
            rule("GET /api/v1/search/suggest", "/api/v1/search/suggest?q=x", Access.PUBLIC),
            rule("GET /api/v1/admin/search", "/api/v1/admin/search?q=x", Access.EDITOR),
            // Rebuilding the search index: search:admin (admins). Starting it twice answers 409, which is not a refusal.
            rule("POST /api/v1/admin/search/reindex", "/api/v1/admin/search/reindex", Access.ADMIN),
            rule("GET /api/v1/admin/search/reindex", "/api/v1/admin/search/reindex", Access.ADMIN),
            rule("GET /api/v1/admin/sources/{id}/feeds", "/api/v1/admin/sources/1/feeds", Access.ADMIN),
            rule("POST /api/v1/admin/sources/{id}/feeds", "/api/v1/admin/sources/1/feeds", Access.ADMIN, "application/json", "{}"),
            rule("POST /api/v1/admin/feeds/{feedId}/poll", "/api/v1/admin/feeds/999999/poll", Access.ADMIN),
            rule("POST /api/v1/admin/import-url", "/api/v1/admin/import-url", Access.ADMIN, "application/json", "{}"),
            // Sources: reading (health, ingest log) for editors (articles:edit-any), changes for taxonomy:write
            rule("GET /api/v1/sources", "/api/v1/sources", Access.EDITOR),
            rule("POST /api/v1/sources", "/api/v1/sources", Access.EDITOR, "application/json", "{}"),
            rule("GET /api/v1/sources/{id}", "/api/v1/sources/999999", Access.EDITOR),
            rule("PUT /api/v1/sources/{id}", "/api/v1/sources/999999", Access.EDITOR, "application/json", "{}"),
            rule("PATCH /api/v1/sources/{id}", "/api/v1/sources/999999", Access.EDITOR, "application/json", "{}"),
            rule("DELETE /api/v1/sources/{id}", "/api/v1/sources/999999", Access.EDITOR),
            rule("GET /api/v1/sources/{id}/health", "/api/v1/sources/999999/health", Access.EDITOR),
            rule("POST /api/v1/sources/{id}/poll", "/api/v1/sources/999999/poll", Access.EDITOR),
            rule("GET /api/v1/sources/{id}/events", "/api/v1/sources/999999/events", Access.EDITOR),
            rule("GET /api/v1/admin/articles/{id:\\d{1,18}}/suggestions", "/api/v1/admin/articles/1/suggestions", Access.ADMIN),
            rule("GET /api/v1/admin/articles/flagged", "/api/v1/admin/articles/flagged", Access.ADMIN),
            rule("GET /api/v1/channels", "/api/v1/channels", Access.PUBLIC),
            rule("GET /api/v1/tags", "/api/v1/tags", Access.PUBLIC),
            // Channel and tag changes: taxonomy:write (editors); site settings, read and changed: settings:write (admins)
            rule("POST /api/v1/channels", "/api/v1/channels", Access.EDITOR, "application/json", "{}"),
            rule("PATCH /api/v1/channels/{id}", "/api/v1/channels/999999", Access.EDITOR, "application/json", "{}"),
            rule("POST /api/v1/channels/{id}/move", "/api/v1/channels/999999/move", Access.EDITOR, "application/json", "{}"),
            rule("DELETE /api/v1/channels/{id}", "/api/v1/channels/999999", Access.EDITOR),
            rule("PATCH /api/v1/tags/{id}", "/api/v1/tags/999999", Access.EDITOR, "application/json", "{}"),
            rule("POST /api/v1/tags/{id}/merge", "/api/v1/tags/999999/merge", Access.EDITOR, "application/json", "{}"),
            rule("DELETE /api/v1/tags/{id}", "/api/v1/tags/999999", Access.EDITOR),
            rule("GET /api/v1/settings", "/api/v1/settings", Access.ADMIN),
            rule("PATCH /api/v1/settings", "/api/v1/settings", Access.ADMIN, "application/json", "{}"),
            // Back office
            rule("GET /admin/login", "/admin/login", Access.PUBLIC),
            rule("* /admin/forbidden", "/admin/forbidden", Access.ALWAYS_403),
            rule("GET /admin", "/admin", Access.AUTHOR),
            rule("GET /admin/password", "/admin/password", Access.AUTHOR),
            rule("POST /admin/password", "/admin/password", Access.AUTHOR),
            rule("GET /admin/tokens", "/admin/tokens", Access.AUTHOR),
            rule("POST /admin/tokens", "/admin/tokens", Access.AUTHOR),
            rule("POST /admin/tokens/{id}/revoke", "/admin/tokens/999999/revoke", Access.AUTHOR),
            rule("GET /admin/media", "/admin/media", Access.AUTHOR),
            rule("POST /admin/media", "/admin/media", Access.AUTHOR),
            rule("POST /admin/media/{id}/delete", "/admin/media/999999/delete", Access.AUTHOR),
            rule("GET /admin/sources", "/admin/sources", Access.EDITOR),
            rule("POST /admin/sources", "/admin/sources", Access.EDITOR),
            rule("GET /admin/sources/{id}", "/admin/sources/999999", Access.EDITOR),
            rule("POST /admin/sources/{id}", "/admin/sources/999999", Access.EDITOR),
            rule("POST /admin/sources/{id}/poll", "/admin/sources/999999/poll", Access.EDITOR),
            rule("POST /admin/sources/{id}/delete", "/admin/sources/999999/delete", Access.EDITOR),
            rule("GET /admin/review", "/admin/review", Access.EDITOR),
            rule("POST /admin/review/{id}/approve", "/admin/review/999999/approve", Access.EDITOR),
            rule("POST /admin/review/{id}/reject", "/admin/review/999999/reject", Access.EDITOR),
            rule("GET /admin/search", "/admin/search?q=x", Access.EDITOR),
            rule("POST /admin/search/reindex", "/admin/search/reindex", Access.ADMIN),
            rule("GET /admin/users", "/admin/users", Access.ADMIN),
            rule("POST /admin/users", "/admin/users", Access.ADMIN),
            rule("POST /admin/users/{id}/role", "/admin/users/2/role", Access.ADMIN),
            rule("POST /admin/users/{id}/disable", "/admin/users/2/disable", Access.ADMIN),
            rule("POST /admin/users/{id}/enable", "/admin/users/2/enable", Access.ADMIN),
            rule("POST /admin/users/{id}/password", "/admin/users/2/password", Access.ADMIN),
            // Articles in the back office (admin.article; the preview is rendered by the site module). Signed in
            // is enough at the address; what an author may do to which article is the article module's rule.
            rule("GET /admin/articles", "/admin/articles", Access.AUTHOR),
            rule("POST /admin/articles/bulk", "/admin/articles/bulk", Access.AUTHOR),
            rule("GET /admin/articles/new", "/admin/articles/new", Access.AUTHOR),
            rule("POST /admin/articles", "/admin/articles", Access.AUTHOR),
            rule("GET /admin/articles/tags", "/admin/articles/tags?q=x", Access.AUTHOR),
            rule("GET /admin/articles/{id:\\d{1,18}}/edit", "/admin/articles/999999/edit", Access.AUTHOR),
            rule("POST /admin/articles/{id:\\d{1,18}}", "/admin/articles/999999", Access.AUTHOR),
            rule("POST /admin/articles/{id:\\d{1,18}}/{action:submit|schedule|publish|unpublish|archive|reopen|delete}", "/admin/articles/999999/publish",
                    Access.AUTHOR),
            rule("GET /admin/articles/{id:\\d{1,18}}/revisions", "/admin/articles/999999/revisions", Access.AUTHOR),
            rule("GET /admin/articles/{id:\\d{1,18}}/revisions/diff", "/admin/articles/999999/revisions/diff?from=1&to=2", Access.AUTHOR),
            rule("POST /admin/articles/{id:\\d{1,18}}/revisions/{number:\\d{1,9}}/restore", "/admin/articles/999999/revisions/1/restore", Access.AUTHOR),
            rule("GET /admin/articles/{id:\\d{1,18}}/preview", "/admin/articles/999999/preview", Access.AUTHOR),
            // Taxonomy (taxonomy:write) and settings (settings:write); empty forms are refused with 400, sample ids do not exist
            rule("GET /admin/channels", "/admin/channels", Access.EDITOR),
            rule("POST /admin/channels", "/admin/channels", Access.EDITOR),
            rule("GET /admin/channels/{id}", "/admin/channels/999999", Access.EDITOR),
            rule("POST /admin/channels/{id}", "/admin/channels/999999", Access.EDITOR),
            rule("POST /admin/channels/{id}/move", "/admin/channels/999999/move", Access.EDITOR),
            rule("POST /admin/channels/{id}/delete", "/admin/channels/999999/delete", Access.EDITOR),
            rule("GET /admin/tags", "/admin/tags", Access.EDITOR),
            rule("POST /admin/tags/{id}/rename", "/admin/tags/999999/rename", Access.EDITOR),
            rule("POST /admin/tags/{id}/merge", "/admin/tags/999999/merge", Access.EDITOR),
            rule("POST /admin/tags/{id}/delete", "/admin/tags/999999/delete", Access.EDITOR),
            rule("GET /admin/bylines", "/admin/bylines", Access.EDITOR),
            rule("POST /admin/bylines/rename", "/admin/bylines/rename", Access.EDITOR),
            rule("GET /admin/settings", "/admin/settings", Access.ADMIN),
            rule("POST /admin/settings", "/admin/settings", Access.ADMIN),
            // Ads (ads:write) and topics with the article flags (taxonomy:write): editors
            rule("GET /admin/ads", "/admin/ads", Access.EDITOR),
            rule("POST /admin/ads/slots", "/admin/ads/slots", Access.EDITOR),
            rule("POST /admin/ads/slots/{id}", "/admin/ads/slots/999999", Access.EDITOR),
            rule("POST /admin/ads/slots/{id}/{action:start|stop}", "/admin/ads/slots/999999/stop", Access.EDITOR),
            rule("GET /admin/ads/creatives/new", "/admin/ads/creatives/new", Access.EDITOR),
            rule("GET /admin/ads/creatives/{id:\\d{1,18}}", "/admin/ads/creatives/999999", Access.EDITOR),
            rule("POST /admin/ads/creatives", "/admin/ads/creatives", Access.EDITOR),
            rule("POST /admin/ads/creatives/{id:\\d{1,18}}", "/admin/ads/creatives/999999", Access.EDITOR),
            rule("POST /admin/ads/creatives/{id}/{action:start|stop}", "/admin/ads/creatives/999999/stop", Access.EDITOR),
            rule("GET /admin/topics", "/admin/topics", Access.EDITOR),
            rule("POST /admin/topics", "/admin/topics", Access.EDITOR),
            rule("POST /admin/topics/flags", "/admin/topics/flags", Access.EDITOR),
            rule("GET /admin/topics/{id:\\d{1,18}}", "/admin/topics/999999", Access.EDITOR),
            rule("POST /admin/topics/{id:\\d{1,18}}", "/admin/topics/999999", Access.EDITOR),
            rule("POST /admin/topics/{id:\\d{1,18}}/articles", "/admin/topics/999999/articles", Access.EDITOR),
            rule("POST /admin/topics/{id:\\d{1,18}}/articles/{articleId:\\d{1,18}}/{action:up|down|remove}", "/admin/topics/999999/articles/1/up",
                    Access.EDITOR),
            rule("POST /admin/topics/{id:\\d{1,18}}/articles/{articleId:\\d{1,18}}/section", "/admin/topics/999999/articles/1/section",
                    Access.EDITOR));

    /**
     * Handled by Spring Security's filters, not by a handler mapping, so not discovered: checked all the
     * same. Signing out is checked last for each role, as it ends the session.
     */
    static final List<Rule> FILTER_ROUTES = List.of(
            rule("POST /admin/login", "/admin/login", Access.PUBLIC),
            rule("POST /admin/logout", "/admin/logout", Access.PUBLIC));

    private static final Map<Role, String> PASSWORDS = Map.of(
            Role.AUTHOR, "author-password-1234", Role.EDITOR, "editor-password-1234", Role.ADMIN, TestSites.ADMIN_PASSWORD);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAdministration users;

    @Autowired
    org.masthead.account.ApiTokens tokens;

    /** Per role: an API token holding every scope the role may give, to check the API with tokens as well as HTTP Basic. */
    private final Map<Role, String> roleTokens = new EnumMap<>(Role.class);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
        // Switched on so that its route exists and is classified like every other.
        registry.add("masthead.notification.indexnow.enabled", () -> "true");
        registry.add("masthead.notification.indexnow.key", () -> "matrix-test-indexnow-key");
    }

    @BeforeAll
    void accounts() {
        SignedInUser setup = new SignedInUser(0, "matrix-setup", Role.ADMIN, 0, null);
        UserAccount victim = users.create(setup, "victim", "victim-password-1234", Role.AUTHOR);
        assertThat(victim.id()).as("sample paths use user id 2 for the throw-away account").isEqualTo(2);
        users.create(setup, "author", PASSWORDS.get(Role.AUTHOR), Role.AUTHOR);
        users.create(setup, "editor", PASSWORDS.get(Role.EDITOR), Role.EDITOR);
        for (UserAccount account : users.all()) {
            if (account.username().equals("admin") || account.username().equals("author") || account.username().equals("editor")) {
                SignedInUser owner = new SignedInUser(account.id(), account.username(), account.role(), 0, null);
                List<String> scopes = account.role().permissions().stream().map(org.masthead.account.Permission::authority).toList();
                roleTokens.put(account.role(), tokens.create(owner, "matrix", scopes, null).secret());
            }
        }
    }

    @Test
    void everyRouteHasARule() {
        Set<String> declared = new TreeSet<>();
        RULES.forEach(r -> declared.add(r.route()));
        Set<String> discovered = discoveredRoutes();
        List<String> missing = discovered.stream().filter(r -> !declared.contains(r)).toList();
        List<String> stale = declared.stream().filter(r -> !discovered.contains(r)).toList();
        assertThat(missing).as("routes without a rule: add a line to RouteAccessMatrixIT.RULES for each, e.g. rule(\"%s\", \"/sample/path\", Access.ADMIN)",
                missing.isEmpty() ? "" : missing.get(0)).isEmpty();
        assertThat(stale).as("rules for routes that no longer exist: remove them from RouteAccessMatrixIT.RULES").isEmpty();
    }

    @Test
    void everyRoleGetsWhatItsRuleSays() {
        Map<Role, TestBrowser> browsers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            browsers.put(role, signedIn(role));
        }
        TestBrowser anonymous = new TestBrowser(port);
        anonymous.refreshCsrf("/admin/login");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        List<Rule> all = new ArrayList<>(RULES);
        all.addAll(FILTER_ROUTES);
        for (Rule rule : all) {
            for (String method : rule.method().equals("*") ? List.of("GET", "POST") : List.of(rule.method())) {
                check(rule, method, null, anonymous, wrong, false);
                if (rule.route().equals("POST /admin/logout") || rule.route().equals("POST /admin/login")) {
                    anonymous.refreshCsrf("/admin/login");
                }
                for (Role role : Role.values()) {
                    check(rule, method, role, browsers.get(role), wrong, false);
                    if (rule.api()) {
                        check(rule, method, role, browsers.get(role), wrong, true);
                        checked++;
                    }
                    if (rule.route().equals("POST /admin/logout") || rule.route().equals("POST /admin/login")) {
                        browsers.put(role, signedIn(role));
                    }
                }
                checked += 1 + Role.values().length;
            }
        }
        assertThat(wrong).as("route × role answers that contradict RouteAccessMatrixIT.RULES").isEmpty();
        assertThat(checked).as("requests made: anonymous and each role, on every route").isGreaterThanOrEqualTo((1 + Role.values().length) * all.size());
    }

    private void check(Rule rule, String method, Role role, TestBrowser browser, List<String> wrong, boolean token) {
        HttpResponse<String> response = request(rule, method, role, browser, token);
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        // The entry point's redirect, not the sign-in page's own answers (?error, ?logout …).
        boolean toLogin = status == 302 && (location.endsWith("/admin/login") || location.contains("/admin/login?continue"));
        boolean refused = status == 401 || status == 403 || toLogin;
        String who = role == null ? "anonymous" : role.code() + (token ? " (API token)" : rule.api() ? " (HTTP Basic)" : "");
        String line = method + " " + rule.path() + " as " + who + " → " + status + (location.isEmpty() ? "" : " " + location);
        if (rule.access() == Access.ERROR_ENDPOINT) {
            if (refused || status != 500 || response.body().contains("Exception")) {
                wrong.add(line + " (expected the error endpoint's bare 500, refusing nobody)");
            }
            return;
        }
        if (status >= 500) {
            wrong.add(line + " (server error)");
            return;
        }
        Access access = rule.access();
        if (access == Access.ALWAYS_403) {
            if (status != 403) {
                wrong.add(line + " (expected 403)");
            }
            return;
        }
        boolean allowed = access == Access.PUBLIC || (role != null && role.atLeast(Role.valueOf(access.name())));
        if (allowed && refused) {
            wrong.add(line + " (expected to be let through: " + access + ")");
        } else if (!allowed) {
            boolean rightRefusal = role == null ? (rule.api() ? status == 401 : toLogin || status == 403) : status == 403;
            if (!rightRefusal) {
                wrong.add(line + " (expected " + (role == null ? (rule.api() ? "401" : "a redirect to /admin/login") : "403") + ": " + access + ")");
            }
        }
    }

    private HttpResponse<String> request(Rule rule, String method, Role role, TestBrowser browser, boolean token) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token) {
            headers.put("Authorization", "Bearer " + roleTokens.get(role));
        } else if (rule.api() && role != null) {
            String user = role == Role.ADMIN ? "admin" : role.code();
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORDS.get(role)).getBytes(StandardCharsets.UTF_8)));
        }
        if (method.equals("GET")) {
            return browser.send("GET", rule.path(), null, "", headers);
        }
        if (!rule.api() && FORM.equals(rule.contentType() == null ? FORM : rule.contentType())) {
            // A form of the back office: the session's CSRF token, so the answer is about the role.
            return browser.postForm(rule.path(), Map.of());
        }
        return browser.send(method, rule.path(), rule.contentType(), rule.body(), headers);
    }

    private TestBrowser signedIn(Role role) {
        TestBrowser browser = new TestBrowser(port);
        String user = role == Role.ADMIN ? "admin" : role.code();
        HttpResponse<String> response = browser.signIn(user, PASSWORDS.get(role));
        assertThat(response.statusCode()).as("sign-in of " + user).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).as("sign-in of " + user).endsWith("/admin");
        return browser;
    }

    /** "GET /pattern" for every method and pattern of every handler mapping; "*" when a mapping takes any method. */
    private Set<String> discoveredRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add("* " + pattern);
                    }
                    methods.forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        }
        for (SimpleUrlHandlerMapping mapping : context.getBeansOfType(SimpleUrlHandlerMapping.class).values()) {
            mapping.getHandlerMap().keySet().forEach(pattern -> routes.add("GET " + pattern));
        }
        return routes;
    }
}
