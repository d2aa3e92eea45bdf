package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.masthead.account.AccountException;
import org.masthead.account.Role;
import org.masthead.account.SignedInUser;
import org.masthead.account.UserAccount;
import org.masthead.account.UserAdministration;
import org.masthead.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/users}: admins list, create, change the role of, disable and reset the password of users. */
@Controller
class UserAdminController {

    private final AdminLayouts layouts;
    private final UserAdministration users;

    UserAdminController(AdminLayouts layouts, UserAdministration users) {
        this.layouts = layouts;
        this.users = users;
    }

    @GetMapping("/admin/users")
    ModelAndView list(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String done) {
        Messages msg = layouts.messages();
        String key = "users.done." + done;
        String notice = done == null || msg.get(key).equals(key) ? null : msg.get(key);
        return page(request, me, null, notice, "", Role.AUTHOR.code(), HttpStatus.OK);
    }

    @PostMapping("/admin/users")
    ModelAndView create(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, NewUserForm form) {
        try {
            users.create(me, form.username(), form.password(), Role.fromCode(form.role()));
            return done("created");
        } catch (AccountException e) {
            return page(request, me, text(e), null, form.username(), form.role(), HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/admin/users/{id}/role")
    ModelAndView role(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam(defaultValue = "") String role) {
        return change(request, me, "role", () -> users.changeRole(me, id, Role.fromCode(role)));
    }

    @PostMapping("/admin/users/{id}/disable")
    ModelAndView disable(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        return change(request, me, "disabled", () -> users.setDisabled(me, id, true));
    }

    @PostMapping("/admin/users/{id}/enable")
    ModelAndView enable(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        return change(request, me, "enabled", () -> users.setDisabled(me, id, false));
    }

    @PostMapping("/admin/users/{id}/password")
    ModelAndView resetPassword(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String password) {
        return change(request, me, "password", () -> users.resetPassword(me, id, password));
    }

    /** The new-user form; the password is never sent back to the page. */
    record NewUserForm(String username, String password, String role) {}

    private ModelAndView change(HttpServletRequest request, SignedInUser me, String what, Runnable action) {
        try {
            action.run();
            return done(what);
        } catch (AccountException e) {
            return page(request, me, text(e), null, "", Role.AUTHOR.code(), HttpStatus.BAD_REQUEST);
        }
    }

    /** After a change: back to the list (a reload does not repeat the change), which names what was done. */
    private static ModelAndView done(String what) {
        return new ModelAndView("redirect:/admin/users?done=" + what);
    }

    private String text(AccountException e) {
        return layouts.messages().get(e.messageKey(), e.arguments());
    }

    private ModelAndView page(HttpServletRequest request, SignedInUser me, String error, String notice, String newUsername, String newRole, HttpStatus status) {
        Messages msg = layouts.messages();
        List<UsersPage.UserLine> lines = users.all().stream().map((UserAccount u) -> new UsersPage.UserLine(u.id(), u.username(), u.role().code(),
                msg.get("account.role." + u.role().code()), layouts.time(u.createdAt()), u.disabled(), u.id() == me.id())).toList();
        List<UsersPage.RoleOption> roles = Arrays.stream(Role.values()).map(r -> new UsersPage.RoleOption(r.code(), msg.get("account.role." + r.code()))).toList();
        UsersPage page = new UsersPage(layouts.layout(request, "users", msg.get("admin.nav.users")), lines, roles, error, notice,
                newUsername == null ? "" : newUsername, newRole == null ? Role.AUTHOR.code() : newRole);
        ModelAndView view = new ModelAndView("admin/users", Map.of("page", page));
        view.setStatus(status);
        return view;
    }
}
