package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.masthead.account.AccountException;
import org.masthead.account.ApiToken;
import org.masthead.account.ApiTokens;
import org.masthead.account.SignedInUser;
import org.masthead.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/tokens}: every signed-in user creates, lists and revokes their own API tokens. A new
 * token is shown in the answer to the form itself — never put in the session (which is stored in the
 * database) or a redirect — and the page is marked {@code no-store}.
 */
@Controller
class TokenAdminController {

    private final AdminLayouts layouts;
    private final ApiTokens tokens;
    private final java.time.Clock clock;

    TokenAdminController(AdminLayouts layouts, ApiTokens tokens, java.time.Clock clock) {
        this.layouts = layouts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/admin/tokens")
    ModelAndView list(HttpServletRequest request, HttpServletResponse response, @AuthenticationPrincipal SignedInUser me,
            @RequestParam(required = false) String revoked) {
        String notice = revoked != null ? layouts.messages().get("tokens.revoked") : null;
        return page(request, response, me, null, null, null, notice, "", "", List.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/tokens")
    ModelAndView create(HttpServletRequest request, HttpServletResponse response, @AuthenticationPrincipal SignedInUser me,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> scopes,
            @RequestParam(defaultValue = "") String expires) {
        List<String> wanted = scopes == null ? List.of() : scopes;
        try {
            Instant expiresAt = null;
            if (!expires.isBlank()) {
                try {
                    // The end of the chosen day in the site's zone: "expires on 2027-01-31" works all that day.
                    expiresAt = LocalDate.parse(expires.strip()).plusDays(1).atStartOfDay(layouts.zone()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new AccountException("token.error.expiry.format");
                }
            }
            ApiToken.Created created = tokens.create(me, name, wanted, expiresAt);
            return page(request, response, me, created.secret(), created.token().name(), null, null, "", "", List.of(), HttpStatus.CREATED);
        } catch (AccountException e) {
            String error = layouts.messages().get(e.messageKey(), e.arguments());
            return page(request, response, me, null, null, error, null, name, expires, wanted, HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    ModelAndView revoke(HttpServletRequest request, HttpServletResponse response, @AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        try {
            tokens.revoke(me, id);
            return new ModelAndView("redirect:/admin/tokens?revoked");
        } catch (AccountException e) {
            String error = layouts.messages().get(e.messageKey(), e.arguments());
            return page(request, response, me, null, null, error, null, "", "", List.of(), HttpStatus.NOT_FOUND);
        }
    }

    private ModelAndView page(HttpServletRequest request, HttpServletResponse response, SignedInUser me, String secret, String createdName, String error,
            String notice, String formName, String formExpires, List<String> checked, HttpStatus status) {
        Messages msg = layouts.messages();
        Instant now = clock.instant();
        List<TokensPage.TokenLine> lines = tokens.of(me.id()).stream().map(t -> new TokensPage.TokenLine(t.id(), t.name(), String.join(" ", t.scopes()),
                layouts.time(t.createdAt()), t.expiresAt() == null ? msg.get("tokens.never") : layouts.time(t.expiresAt()),
                t.lastUsedAt() == null ? msg.get("tokens.unused") : layouts.time(t.lastUsedAt()),
                msg.get(t.revokedAt() != null ? "tokens.state.revoked" : t.activeAt(now) ? "tokens.state.active" : "tokens.state.expired"),
                t.activeAt(now))).toList();
        List<TokensPage.ScopeOption> scopes = me.role().permissions().stream()
                .map(p -> new TokensPage.ScopeOption(p.authority(), msg.get("permission." + p.authority()), checked.contains(p.authority()))).toList();
        response.setHeader("Cache-Control", "no-store");
        TokensPage page = new TokensPage(layouts.layout(request, "tokens", msg.get("admin.nav.tokens")), lines, scopes, secret, createdName, error, notice,
                formName, formExpires);
        ModelAndView view = new ModelAndView("admin/tokens", Map.of("page", page));
        view.setStatus(status);
        return view;
    }
}
