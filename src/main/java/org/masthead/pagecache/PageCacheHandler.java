package org.masthead.pagecache;

import java.nio.ByteBuffer;
import java.util.function.LongConsumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a GET or HEAD for a kept page in Jetty's own request handling, before the servlet context
 * (Spring Security, Spring MVC, templates) is reached: the stored headers, the ETag and a 304 for a
 * matching {@code If-None-Match} or {@code If-Modified-Since}, and the gzipped bytes when the client
 * accepts gzip. Everything else goes on to the application unchanged.
 */
final class PageCacheHandler extends Handler.Wrapper {

    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");

    private final PageStore store;
    private final LongConsumer articleViewed;

    PageCacheHandler(Handler application, PageStore store, LongConsumer articleViewed) {
        super(application);
        this.store = store;
        this.articleViewed = articleViewed;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            return super.handle(request, response, callback);
        }
        CachedPage page = store.get(request.getHttpURI().getPathQuery());
        if (page == null) {
            return super.handle(request, response, callback);
        }
        if (page.viewedArticle() >= 0 && !head) {
            articleViewed.accept(page.viewedArticle());
        }
        HttpFields.Mutable out = response.getHeaders();
        for (CachedPage.Header header : page.headers()) {
            out.add(header.name(), header.value());
        }
        if (page.gzipped() != null) {
            out.add(VARY);
        }
        if (notModified(request.getHeaders(), page)) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return true;
        }
        boolean gzip = page.gzipped() != null && acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        byte[] body = gzip ? page.gzipped() : page.body();
        out.put(HttpHeader.CONTENT_TYPE, page.contentType());
        if (gzip) {
            out.add(GZIP);
        }
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(HttpStatus.OK_200);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    /** RFC 9110 §13.1: If-None-Match (weak comparison) wins over If-Modified-Since. */
    static boolean notModified(HttpFields request, CachedPage page) {
        String ifNoneMatch = request.get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            if (page.etag() == null) {
                return false;
            }
            String ours = opaque(page.etag());
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || opaque(tag).equals(ours)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.get(HttpHeader.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null && page.lastModified() != null) {
            long since = request.getDateField(HttpHeader.IF_MODIFIED_SINCE.asString());
            long modified = HttpFields.build().add(HttpHeader.LAST_MODIFIED, page.lastModified()).getDateField(HttpHeader.LAST_MODIFIED.asString());
            return since >= 0 && modified >= 0 && modified / 1000 <= since / 1000;
        }
        return false;
    }

    /** The quoted part of an entity tag, without {@code W/} and without the suffix Jetty's gzip adds. */
    private static String opaque(String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        int suffix = tag.indexOf("--gzip");
        return suffix < 0 ? tag : tag.substring(0, suffix) + "\"";
    }

    /** Whether {@code Accept-Encoding} names gzip (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.split(";");
            String name = coding[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < coding.length; i++) {
                    String parameter = coding[i].strip().replace(" ", "");
                    if (parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
