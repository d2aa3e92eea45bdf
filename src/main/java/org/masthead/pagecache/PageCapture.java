package org.masthead.pagecache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fills the cache: the outermost servlet filter copies what a page, feed or sitemap answered (body and
 * headers, after every other filter has added its own) and keeps it when it may be shown to anyone:
 * a 200 to a GET, no cookie set, not varying on anything but the encoding, not too large.
 */
final class PageCapture extends OncePerRequestFilter {

    /** Headers that belong to one exchange, not to the page; the handler writes its own. */
    private static final Set<String> NOT_KEPT = Set.of(
            "content-length", "content-type", "content-encoding", "transfer-encoding", "date", "set-cookie", "connection", "keep-alive", "vary");

    private final PageStore store;
    private final int maxPageBytes;

    PageCapture(PageStore store, int maxPageBytes) {
        this.store = store;
        this.maxPageBytes = maxPageBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !store.enabled() || !"GET".equals(request.getMethod()) || PageTags.ofPath(request.getRequestURI()) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long generation = store.generation();
        Copying copying = new Copying(response, maxPageBytes);
        chain.doFilter(request, copying);
        copying.finish();
        CachedPage page = copying.overflowed || request.isAsyncStarted() ? null : page(request.getRequestURI(), response, copying.copy.toByteArray());
        String query = request.getQueryString();
        String target = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        boolean kept = page != null && store.keep(target, page, generation);
        if (logger.isDebugEnabled()) {
            logger.debug(target + (kept ? " kept" : page == null ? " not keepable: " + response.getStatus() + " " + response.getHeader("Cache-Control")
                    + " vary " + response.getHeaders("Vary") + " overflow " + copying.overflowed : " not kept: a drop happened while it rendered"));
        }
    }

    /** What the response becomes in the cache, or null when it must not be kept. */
    static CachedPage page(String rawPath, HttpServletResponse response, byte[] body) {
        if (response.getStatus() != 200 || response.getContentType() == null || response.containsHeader("Set-Cookie")) {
            return null;
        }
        for (String vary : response.getHeaders("Vary")) {
            for (String name : vary.split(",")) {
                if (!name.isBlank() && !name.strip().equalsIgnoreCase("Accept-Encoding")) {
                    return null; // varies on something the key does not hold
                }
            }
        }
        String cacheControl = response.getHeader("Cache-Control");
        if (cacheControl != null && (cacheControl.contains("no-store") || cacheControl.contains("private"))) {
            return null;
        }
        Set<String> tags = PageTags.ofPath(rawPath);
        if (tags == null) {
            return null;
        }
        if (!tags.contains(PageTags.SITEMAPS)) {
            PageTags.addLinks(body, tags);
        }
        if (response.getContentType().startsWith("text/html")) {
            tags.add(PageTags.HTML);
        }
        List<HttpField> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new PreEncodedHttpField(name, value));
                }
            }
        }
        // Kept plain: the compressed bodies are made when a client first asks for them (Encodings).
        return new CachedPage(response.getContentType(), List.copyOf(headers), response.getHeader("ETag"), response.getHeader("Last-Modified"),
                body, Set.copyOf(tags), PageTags.articleOf(rawPath));
    }

    /** Passes everything through to the real response and keeps a copy of the body bytes. */
    private static final class Copying extends HttpServletResponseWrapper {

        final ByteArrayOutputStream copy = new ByteArrayOutputStream(32 * 1024);
        private final int limit;
        boolean overflowed;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Copying(HttpServletResponse response, int limit) {
            super(response);
            this.limit = limit;
        }

        private void keep(byte[] bytes, int offset, int length) {
            if (!overflowed) {
                if (copy.size() + length > limit) {
                    overflowed = true;
                    copy.reset();
                } else {
                    copy.write(bytes, offset, length);
                }
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream real = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        real.write(b);
                        keep(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        real.write(b, off, len);
                        keep(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        real.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        real.close();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }

        @Override
        public void reset() {
            super.reset();
            copy.reset();
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            copy.reset();
        }

        void finish() {
            if (writer != null) {
                writer.flush();
            }
        }
    }
}
