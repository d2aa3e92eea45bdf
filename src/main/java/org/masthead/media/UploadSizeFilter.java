package org.masthead.media;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers an upload whose declared length is over the limit before anything reads it: 413 with the
 * message as JSON for API clients and scripts ({@code Accept: application/json}), a redirect back to
 * the media library with the message for the form. It runs before every filter that reads request
 * parameters (org.masthead.site's check of the query string, Spring Security's CSRF check), which would
 * parse the multipart body and meet the server's own limit, which has no words of ours.
 */
final class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;
    private final String maxSize;
    private final MessageSource messages;
    private final LocaleResolver locales;

    UploadSizeFilter(long maxRequestBytes, String maxSize, MessageSource messages, LocaleResolver locales) {
        this.maxRequestBytes = maxRequestBytes;
        this.maxSize = maxSize;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (request.getContentLengthLong() <= maxRequestBytes) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String message = messages.getMessage("media.error.tooLarge", new Object[] {maxSize}, "upload too large", locale);
        String accept = request.getHeader("Accept");
        boolean json = request.getRequestURI().startsWith(request.getContextPath() + "/api/") || (accept != null && accept.contains("application/json"));
        // A reply sent while the client is still sending is lost when the connection closes with body
        // unread (the kernel answers with a reset, and the client sees no response at all): read and drop
        // a body up to a few times the limit so the message arrives; anything bigger is cut off.
        if (request.getContentLengthLong() <= 4 * maxRequestBytes) {
            request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (json) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Connection", "close");
            byte[] body = ("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } else {
            response.setHeader("Connection", "close");
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/admin/media?tooLarge");
        }
    }
}
