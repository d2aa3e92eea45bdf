package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.masthead.account.AccountException;
import org.masthead.account.OwnPassword;
import org.masthead.account.PasswordPolicy;
import org.masthead.account.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/password}: every signed-in user changes their own password. All their sessions end,
 * this one too, and they sign in again with the new password.
 */
@Controller
class PasswordController {

    private final AdminLayouts layouts;
    private final OwnPassword passwords;

    PasswordController(AdminLayouts layouts, OwnPassword passwords) {
        this.layouts = layouts;
        this.passwords = passwords;
    }

    @GetMapping("/admin/password")
    ModelAndView form(HttpServletRequest request) {
        return page(request, null, HttpStatus.OK);
    }

    @PostMapping("/admin/password")
    ModelAndView change(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm) {
        if (!password.equals(confirm)) {
            return page(request, layouts.messages().get("account.error.password.confirm"), HttpStatus.BAD_REQUEST);
        }
        try {
            passwords.change(me, current, password);
        } catch (AccountException e) {
            return page(request, layouts.messages().get(e.messageKey(), e.arguments()), HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/admin/login?changed");
    }

    private ModelAndView page(HttpServletRequest request, String error, HttpStatus status) {
        PasswordPage page = new PasswordPage(layouts.layout(request, "password", layouts.messages().get("password.title")), error, PasswordPolicy.MIN_LENGTH);
        ModelAndView view = new ModelAndView("admin/password", Map.of("page", page));
        view.setStatus(status);
        return view;
    }
}
