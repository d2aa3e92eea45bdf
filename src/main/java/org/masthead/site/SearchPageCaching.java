package org.masthead.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Search results are cached like the other reader pages ({@code public, max-age=60} from
 * {@link ReaderPageCaching}, a weak ETag of the HTML, 304 on a match), with one difference: the page
 * shows how long the search took, which differs on every request, so the ETag is the hash of the page
 * without that number. A weak ETag promises exactly this, "the same content, maybe not the same bytes":
 * a browser that revalidates keeps the results it has, with the time its own request took. Anything
 * else that changes (a new article found, a changed ranking, the settings) changes the ETag.
 *
 * <p>Refused searches (400) and an unavailable index (503) are {@code no-store} and carry no ETag.
 */
@Configuration(proxyBeanMethods = false)
class SearchPageCaching {

    /** Opens the element whose content the ETag leaves out; the template writes it once, as {@code <span class="took">…</span>}. */
    static final byte[] TOOK_START = "<span class=\"took\">".getBytes(StandardCharsets.US_ASCII);

    static final byte[] TOOK_END = "</span>".getBytes(StandardCharsets.US_ASCII);

    @Bean
    FilterRegistrationBean<SearchEtagFilter> searchPageEtagFilter() {
        FilterRegistrationBean<SearchEtagFilter> registration = new FilterRegistrationBean<>(new SearchEtagFilter());
        registration.setName("searchPageEtagFilter");
        registration.addUrlPatterns(SearchForm.PATH);
        return registration;
    }

    static final class SearchEtagFilter extends ShallowEtagHeaderFilter {

        SearchEtagFilter() {
            setWriteWeakETag(true);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"GET".equals(request.getMethod()) || !SearchForm.PATH.equals(request.getRequestURI());
        }

        @Override
        protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response, int status, InputStream body) {
            String type = response.getContentType();
            return type != null && type.startsWith("text/html") && super.isEligibleForEtag(request, response, status, body);
        }

        @Override
        protected String generateETagHeaderValue(InputStream body, boolean isWeak) throws IOException {
            byte[] page = withoutTook(body.readAllBytes());
            return (isWeak ? "W/" : "") + "\"0" + DigestUtils.md5DigestAsHex(page) + "\"";
        }
    }

    /** The page's bytes with the content of the took element left out; the bytes as they are when it has none. */
    static byte[] withoutTook(byte[] page) {
        int start = indexOf(page, TOOK_START, 0);
        if (start < 0) {
            return page;
        }
        int contentStart = start + TOOK_START.length;
        int end = indexOf(page, TOOK_END, contentStart);
        if (end < 0) {
            return page;
        }
        byte[] out = Arrays.copyOf(page, page.length - (end - contentStart));
        System.arraycopy(page, end, out, contentStart, page.length - end);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
