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
 * matching {@code If-None-Match} or {@code If-Modified-Since}, and the brotli or gzipped bytes when the
 * client accepts them ({@link #encoding}; made for the first such request, see {@link Encodings}).
 * Everything else goes on to the application unchanged.
 */
final class PageCacheHandler extends Handler.Wrapper {

    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final HttpField BR = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "br");
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");

    private final PageStore store;
    private final PageCompression compression;
    private final LongConsumer articleViewed;

    PageCacheHandler(Handler application, PageStore store, PageCompression compression, LongConsumer articleViewed) {
        super(application);
        this.store = store;
        this.compression = compression;
        this.articleViewed = articleViewed;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            return super.handle(request, response, callback);
        }
        String target = request.getHttpURI().getPathQuery();
        CachedPage page = store.get(target);
        if (page == null) {
            return super.handle(request, response, callback);
        }
        if (page.viewedArticle() >= 0 && !head) {
            articleViewed.accept(page.viewedArticle());
        }
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField header : page.headers()) {
            out.add(header);
        }
        Encodings encodings = page.encodings();
        if (notModified(request.getHeaders(), page)) {
            if (compressible(encodings)) {
                out.add(VARY);
            }
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return true;
        }
        String acceptEncoding = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
        int heldBefore = encodings.bytes();
        String coding;
        byte[] body = null;
        // Each round either finds the body in the coding or learns that it is not smaller, so at most two.
        while ((coding = encoding(acceptEncoding, brotli(encodings), encodings.mayHave(PageCompression.GZIP))) != null) {
            body = encodings.get(coding, page.body(), compression);
            if (body != null) {
                break;
            }
        }
        if (encodings.bytes() != heldBefore) {
            store.reweigh(target, page);
        }
        if (coding == null) {
            body = page.body();
        }
        if (compressible(encodings)) {
            out.add(VARY);
        }
        out.put(HttpHeader.CONTENT_TYPE, page.contentType());
        if (coding != null) {
            out.add(coding.equals(PageCompression.BROTLI) ? BR : GZIP);
        }
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(HttpStatus.OK_200);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    private boolean brotli(Encodings encodings) {
        return compression.brotliAvailable() && encodings.mayHave(PageCompression.BROTLI);
    }

    /** Whether the answer may differ by Accept-Encoding: some coding is not known to be no smaller than the plain body. */
    private boolean compressible(Encodings encodings) {
        return brotli(encodings) || encodings.mayHave(PageCompression.GZIP);
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

    /**
     * The coding to send (RFC 9110 §12.5.3): "br" or "gzip", whichever of those the page may have the client
     * weighs highest (brotli on a tie: it is smaller), or null for the plain body. A coding the header does
     * not name takes the weight of {@code *}, if given; a weight of 0 refuses it.
     */
    static String encoding(String acceptEncoding, boolean haveBrotli, boolean haveGzip) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return null;
        }
        double br = haveBrotli ? weight(acceptEncoding, "br") : 0;
        double gzip = haveGzip ? weight(acceptEncoding, "gzip") : 0;
        if (br > 0 && br >= gzip) {
            return "br";
        }
        return gzip > 0 ? "gzip" : null;
    }

    /** The q-value the header gives the coding (or {@code *}), 0 when neither is named or the weight is malformed. */
    static double weight(String acceptEncoding, String coding) {
        double star = 0;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String name = pieces[0].strip();
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().replace(" ", "");
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    q = parameter.substring(2).matches("(0(\\.\\d{0,3})?|1(\\.0{0,3})?)") ? Double.parseDouble(parameter.substring(2)) : 0;
                }
            }
            if (name.equalsIgnoreCase(coding)) {
                return q;
            }
            if (name.equals("*")) {
                star = q;
            }
        }
        return star;
    }
}
