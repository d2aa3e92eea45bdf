package org.masthead.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AllAuthoritiesAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what: the one security configuration of the application (docs/accounts.md).
 *
 * <ul>
 *   <li>{@code /api/**}: stateless. Reads are public (controllers show unpublished articles only to a
 *       caller with {@code articles:edit-any}); writes need a permission, given by an API token
 *       ({@code Authorization: Bearer mh_…}) or by a user name and password (HTTP Basic, kept for
 *       scripts and {@code curl -u}; throttled like the sign-in form). No session cookie is read, so
 *       cross-site request forgery cannot ride on the API and it needs no CSRF token.
 *   <li>Everything else: the back office under {@code /admin} signs in with a form (CSRF token on every
 *       form, a new session id on sign-in, the session in the database so every node knows it), the
 *       public site needs nothing.
 * </ul>
 * Area rules are here; finer rules go on controller methods with {@code @PreAuthorize}, naming a
 * {@link Permission} authority.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: http: data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String LOGIN = "/admin/login";
    static final String LOGOUT = "/admin/logout";
    static final String FORBIDDEN = "/admin/forbidden";
    /** Session attributes the sign-in page (admin module, LoginPageController) reads after a failure: why, and the name typed. */
    static final String FAILURE_REASON = "masthead.login.failure";
    static final String FAILURE_USERNAME = "masthead.login.username";

    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
        String write = Permission.ARTICLES_WRITE.authority();
        String publish = Permission.ARTICLES_PUBLISH.authority();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // Admin API (feeds and their health, import by URL): admins only, reads included.
                        // Search over every status (drafts, review, withdrawn): for those who may read every article.
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/search").hasAuthority(Permission.ARTICLES_EDIT_ANY.authority())
                        // Rebuilding the search index (start it, see how it goes).
                        .requestMatchers("/api/v1/admin/search/reindex").hasAuthority(Permission.SEARCH_ADMIN.authority())
                        .requestMatchers("/api/v1/admin/**").hasAuthority(Permission.USERS_ADMIN.authority())
                        // Editorial workflow (org.masthead.api.ArticleWorkflowApiController, ArticleHistoryApiController):
                        // anyone who may write articles gets in; the article's own rules decide what each may do.
                        .requestMatchers(HttpMethod.GET, "/api/v1/articles/*/revisions", "/api/v1/articles/*/revisions/**",
                                "/api/v1/articles/*/audit", "/api/v1/audit").hasAuthority(write)
                        .requestMatchers(HttpMethod.POST, "/api/v1/articles/drafts", "/api/v1/articles/*/*",
                                "/api/v1/articles/*/revisions/*/restore").hasAuthority(write)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/articles/*").hasAuthority(write)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/articles/*").hasAuthority(write)
                        // Media library uploads (org.masthead.api.MediaApiController).
                        .requestMatchers(HttpMethod.POST, "/api/v1/media").hasAuthority(Permission.MEDIA_WRITE.authority())
                        // Sources (org.masthead.api.SourceApiController): health and the ingest log are for editors, changes
                        // for whoever manages the taxonomy.
                        .requestMatchers(HttpMethod.GET, "/api/v1/sources", "/api/v1/sources/**").hasAuthority(Permission.ARTICLES_EDIT_ANY.authority())
                        .requestMatchers("/api/v1/sources", "/api/v1/sources/**").hasAuthority(Permission.TAXONOMY_WRITE.authority())
                        // Channel and tag changes (org.masthead.api.ChannelApiController, TagApiController); reading them stays public.
                        .requestMatchers(HttpMethod.POST, "/api/v1/channels", "/api/v1/channels/*/move", "/api/v1/tags/*/merge")
                                .hasAuthority(Permission.TAXONOMY_WRITE.authority())
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/channels/*", "/api/v1/tags/*").hasAuthority(Permission.TAXONOMY_WRITE.authority())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/channels/*", "/api/v1/tags/*").hasAuthority(Permission.TAXONOMY_WRITE.authority())
                        // Site settings, read and changed (org.masthead.api.SettingsApiController): admins.
                        .requestMatchers("/api/v1/settings").hasAuthority(Permission.SETTINGS_WRITE.authority())
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").permitAll()
                        // An import may carry published articles, so it takes both writing and publishing.
                        .requestMatchers(HttpMethod.POST, "/api/v1/articles").access(AllAuthoritiesAuthorizationManager.hasAllAuthorities(write, publish))
                        // A write with no rule of its own is for admins until its module names a permission.
                        .anyRequest().hasAuthority(Permission.USERS_ADMIN.authority()))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("Masthead").authenticationEntryPoint(apiUnauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(apiUnauthorized()).accessDeniedHandler(apiForbidden()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain siteSecurity(HttpSecurity http, UserRepository users, AccountEvents events) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Error pages and the 403 page are forwarded to after a decision was made.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(LOGIN, FORBIDDEN).permitAll()
                        .requestMatchers("/admin/users", "/admin/users/**").hasAuthority(Permission.USERS_ADMIN.authority())
                        // Search over every status for those who may read every article; its rebuild button for search admins.
                        .requestMatchers("/admin/search/reindex").hasAuthority(Permission.SEARCH_ADMIN.authority())
                        .requestMatchers("/admin/search", "/admin/search/**").hasAuthority(Permission.ARTICLES_EDIT_ANY.authority())
                        .requestMatchers("/admin/settings", "/admin/settings/**").hasAuthority(Permission.SETTINGS_WRITE.authority())
                        .requestMatchers("/admin/ads", "/admin/ads/**").hasAuthority(Permission.ADS_WRITE.authority())
                        .requestMatchers("/admin/media", "/admin/media/**").hasAuthority(Permission.MEDIA_WRITE.authority())
                        .requestMatchers("/admin/channels", "/admin/channels/**", "/admin/tags", "/admin/tags/**", "/admin/bylines", "/admin/bylines/**", "/admin/sources", "/admin/sources/**",
                                "/admin/topics", "/admin/topics/**").hasAuthority(Permission.TAXONOMY_WRITE.authority())
                        // The review queue publishes and archives: for those who may publish.
                        .requestMatchers("/admin/review", "/admin/review/**").hasAuthority(Permission.ARTICLES_PUBLISH.authority())
                        .requestMatchers("/admin", "/admin/**").hasRole(Role.AUTHOR.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN).defaultSuccessUrl("/admin", false)
                        .failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessUrl(LOGIN + "?logout").addLogoutHandler(recordLogout(events)))
                .addFilterAfter(new SessionCheck(users), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(pageForbidden()))
                // A new session id at sign-in, so an id planted before cannot ride the signed-in session.
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * The frame of an ad slot (org.masthead.site.AdPageController) is the one document this site's own pages
     * may frame; everything else may be framed by nobody.
     */
    static final String AD_FRAMES = "/ad/slot/**";

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher adFrame = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, AD_FRAMES);
        RequestMatcher notAdFrame = new NegatedRequestMatcher(adFrame);
        headers
                // Pages set their own Cache-Control: public news pages must be cacheable.
                .cacheControl(cache -> cache.disable())
                .frameOptions(frames -> frames.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notAdFrame, new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notAdFrame, new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(adFrame, new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(adFrame, new ContentSecurityPolicyHeaderWriter(
                        CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'"))))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    /** Back to the sign-in page with the reason and the typed name kept in the session (not in the URL). */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            var session = request.getSession();
            String reason = exception instanceof PasswordAuthentication.ThrottledException t ? "locked:" + t.until().toEpochMilli()
                    : exception instanceof org.springframework.security.authentication.DisabledException ? "disabled" : "bad";
            session.setAttribute(FAILURE_REASON, reason);
            String typed = request.getParameter("username");
            session.setAttribute(FAILURE_USERNAME, typed == null || typed.length() > 100 ? "" : typed);
            response.sendRedirect(request.getContextPath() + LOGIN + "?error");
        };
    }

    private static LogoutHandler recordLogout(AccountEvents events) {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
                events.record(AccountEvent.Kind.LOGOUT, user.username(), null, null);
            }
        };
    }

    /** A stale form on the sign-in page (session expired) starts over; anything else is the 403 page. */
    private static AccessDeniedHandler pageForbidden() {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        page.setErrorPage(FORBIDDEN);
        return (request, response, exception) -> {
            if (exception instanceof CsrfException && LOGIN.equals(request.getServletPath())) {
                response.sendRedirect(request.getContextPath() + LOGIN + "?expired");
                return;
            }
            page.handle(request, response, exception);
        };
    }

    private static AuthenticationEntryPoint apiUnauthorized() {
        return (request, response, exception) -> writeUnauthorized(request, response, null,
                "authentication required: send an API token (Authorization: Bearer …) or sign in with HTTP Basic");
    }

    private static AccessDeniedHandler apiForbidden() {
        return (request, response, exception) -> {
            readRefusedBody(request);
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":403,\"error\":\"this account or token lacks the permission for this request\"}");
        };
    }

    static void writeUnauthorized(HttpServletRequest request, HttpServletResponse response, String bearerError, String message) throws IOException {
        readRefusedBody(request);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        String bearer = bearerError == null ? "Bearer realm=\"Masthead\"" : "Bearer realm=\"Masthead\", error=\"" + bearerError + "\"";
        response.addHeader("WWW-Authenticate", bearer);
        response.addHeader("WWW-Authenticate", "Basic realm=\"Masthead\", charset=\"UTF-8\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":401,\"error\":\"" + message.replace("\"", "'") + "\"}");
    }

    /** The largest refused API body read before answering; API bodies are JSON, far smaller. */
    private static final int REFUSED_BODY_READ = 1024 * 1024;

    /**
     * Reads and drops the body of a request refused before anything read it. Answering first leaves the
     * body unread, and over HTTP/2 Jetty then resets the stream (RST_STREAM CANCEL) while the client may
     * still be sending: the JDK's client reports that as a failed request instead of the 401/403 it was
     * sent (seen as rare failures of API tests in CI). Read up to a bound; beyond it the reset stands.
     */
    private static void readRefusedBody(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length == 0 || length > REFUSED_BODY_READ) {
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long read = 0;
            int n;
            while (read <= REFUSED_BODY_READ && (n = in.read(buffer)) != -1) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // Already read as parameters or a reader, or the client went away: nothing left to drain.
        }
    }

    /**
     * Argon2id for new and changed passwords; hashes of the other kinds Spring Security writes still
     * verify and are rewritten as Argon2 at the next correct sign-in ({@link PasswordAuthentication}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String current = "argon2@SpringSecurity_v5_8";
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(current, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        encoders.put("pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("scrypt@SpringSecurity_v5_8", SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8());
        return new DelegatingPasswordEncoder(current, encoders);
    }

    @Bean
    PasswordAuthentication passwordAuthentication(UserRepository users, PasswordEncoder encoder, LoginThrottle throttle, AccountEvents events) {
        return new PasswordAuthentication(users, encoder, throttle, events);
    }
}
