package org.masthead.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a back-office session whose user has changed since signing in: disabled, given another role,
 * or a new password (the stored credentials version went up). One primary-key read per request of a
 * signed-in user; readers without a session cost nothing. It reads the database, not node memory, so
 * a change made on one app node ends the session on every node.
 */
class SessionCheck extends OncePerRequestFilter {

    private final UserRepository users;

    SessionCheck(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user && !user.viaToken()) {
            Optional<UserRepository.Row> row = users.byId(user.id());
            boolean stale = row.isEmpty() || row.get().disabled() || row.get().credentialsVersion() != user.credentialsVersion();
            if (stale) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
