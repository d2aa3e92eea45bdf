package org.masthead.admin.article;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.article.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user as the article module knows them: name, role from the authorities, address. */
final class AdminActors {

    private AdminActors() {}

    static Actor of(Authentication auth, HttpServletRequest request) {
        return Actor.of(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(), request.getRemoteAddr());
    }
}
