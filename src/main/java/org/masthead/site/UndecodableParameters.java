package org.masthead.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string with broken percent-encoding ({@code %C0%AE}, a cut-off {@code %E4%B8}) makes Jetty
 * throw when the parameters are first read — and the first to read them may be a filter (Spring
 * Security's request cache asks for {@code continue}) long before a controller could answer. So the
 * parameters are read here, first: when they cannot be decoded the search page gets the request
 * without them and marked {@link #UNDECODABLE}, to show its form with a clear message; any other page
 * answers 400. Never a 500 for what a reader typed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UndecodableParameters extends OncePerRequestFilter {

    /** Request attribute set when the query string could not be decoded. */
    static final String UNDECODABLE = UndecodableParameters.class.getName() + ".undecodable";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (RuntimeException undecodable) { // Jetty's BadMessageException, or IllegalArgumentException / IllegalStateException
            if (!SearchForm.PATH.equals(request.getRequestURI())) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the query string is not valid UTF-8 percent-encoding");
                return;
            }
            request.setAttribute(UNDECODABLE, Boolean.TRUE);
            chain.doFilter(new WithoutParameters(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request as if it had no query string. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
