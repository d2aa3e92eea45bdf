package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The 403 page: Spring Security forwards here (any method) when a signed-in user opens what their
 * role does not allow, or a form arrives without a valid CSRF token.
 */
@Controller
class ForbiddenController {

    private final AdminLayouts layouts;

    ForbiddenController(AdminLayouts layouts) {
        this.layouts = layouts;
    }

    @RequestMapping("/admin/forbidden")
    ModelAndView forbidden(HttpServletRequest request) {
        var msg = layouts.messages();
        ModelAndView view = new ModelAndView("admin/forbidden", Map.of("page", new ForbiddenPage(layouts.layout(request, "", msg.get("forbidden.title")))));
        view.setStatus(HttpStatus.FORBIDDEN);
        return view;
    }
}
