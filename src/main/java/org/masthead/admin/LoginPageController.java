package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.masthead.account.SignedInUser;
import org.masthead.platform.Messages;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /admin/login}: the form. Spring Security handles the {@code POST} (account module) and
 * comes back here with {@code ?error} (the reason in the session), {@code ?logout} or {@code ?expired}.
 */
@Controller
class LoginPageController {

    /** Session attributes written by the account module's failure handler (SecurityConfiguration). */
    static final String FAILURE_REASON = "masthead.login.failure";
    static final String FAILURE_USERNAME = "masthead.login.username";

    private final AdminLayouts layouts;
    private final Clock clock;

    LoginPageController(AdminLayouts layouts, Clock clock) {
        this.layouts = layouts;
        this.clock = clock;
    }

    @GetMapping("/admin/login")
    ModelAndView login(HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser) {
            return new ModelAndView("redirect:/admin");
        }
        Messages msg = layouts.messages();
        String error = null;
        String username = "";
        HttpSession session = request.getSession(false);
        if (request.getParameter("error") != null && session != null) {
            error = reason(msg, (String) session.getAttribute(FAILURE_REASON));
            Object typed = session.getAttribute(FAILURE_USERNAME);
            username = typed == null ? "" : typed.toString();
            session.removeAttribute(FAILURE_REASON);
            session.removeAttribute(FAILURE_USERNAME);
        } else if (request.getParameter("error") != null) {
            error = msg.get("login.error.bad");
        }
        String notice = request.getParameter("logout") != null ? msg.get("login.notice.logout")
                : request.getParameter("expired") != null ? msg.get("login.notice.expired")
                : request.getParameter("changed") != null ? msg.get("login.notice.changed") : null;
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        LoginPage page = new LoginPage(msg, layouts.siteName(), layouts.cssUrl(), error, notice, username, csrf.getParameterName(), csrf.getToken());
        ModelAndView view = new ModelAndView("admin/login", Map.of("page", page));
        if (error != null) {
            view.setStatus(org.springframework.http.HttpStatus.UNAUTHORIZED);
        }
        return view;
    }

    private String reason(Messages msg, String code) {
        if (code == null) {
            return msg.get("login.error.bad");
        }
        if (code.startsWith("locked:")) {
            Instant until = Instant.ofEpochMilli(Long.parseLong(code.substring("locked:".length())));
            long minutes = Math.max(1, (Duration.between(clock.instant(), until).toSeconds() + 59) / 60);
            return msg.get("login.error.locked", minutes);
        }
        return code.equals("disabled") ? msg.get("login.error.disabled") : msg.get("login.error.bad");
    }
}
