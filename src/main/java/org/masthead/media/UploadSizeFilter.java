package org.masthead.media;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
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

    /** The largest refused body read to its end so the refusal reaches the client (see doFilterInternal). */
    static final long DRAINED_AT_MOST = 256L * 1024 * 1024;

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
        // unread: the kernel answers the next bytes with a reset, and the client sees no response at all.
        // A browser never waits for "100 Continue", so read and drop the body (the server's time only,
        // at network speed) up to a size a mistaken file pick reaches (a phone video); past that the
        // connection is cut. A client that asked "Expect: 100-continue" (curl does for big bodies) has
        // not sent the body and never will once it has the answer: reading would invite it to.
        if (!"100-continue".equalsIgnoreCase(request.getHeader("Expect")) && request.getContentLengthLong() <= DRAINED_AT_MOST) {
            request.getInputStream().transferTo(OutputStream.nullOutputStream());
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
