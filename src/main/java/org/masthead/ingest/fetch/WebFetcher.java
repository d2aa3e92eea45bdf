package org.masthead.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches one URL the careful way: conditional GET with the validators of the last fetch, connect,
 * read and total timeouts, at most {@link FetchLimits#maxRedirects()} redirects (followed here, so
 * each hop is checked), gzip and deflate, and a size cap counted on the decompressed stream, so a
 * compressed bomb stops at the cap.
 *
 * <p>Built on {@link HttpURLConnection} rather than {@code java.net.http.HttpClient} because its
 * read timeout bounds every read of the body; the newer client bounds only the wait for headers,
 * and a server that sends headers and then stalls would hold a poller forever.
 */
public final class WebFetcher {

    private final FetchLimits limits;

    public WebFetcher(FetchLimits limits) {
        this.limits = limits;
    }

    public FetchLimits limits() {
        return limits;
    }

    /**
     * @param etag, lastModified validators from the last successful fetch, or null
     * @param accept the Accept header (feeds and pages want different things)
     */
    public Fetched fetch(URI url, String etag, String lastModified, String accept) throws FetchException {
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            checkTarget(current);
            HttpURLConnection connection = open(current, etag, lastModified, accept);
            try {
                int status = connection.getResponseCode();
                if (status >= 300 && status < 400 && status != 304) {
                    String location = connection.getHeaderField("Location");
                    if (location == null || location.isBlank()) {
                        throw new FetchException("HTTP " + status + " redirect without a Location header", status, null);
                    }
                    if (hop >= limits.maxRedirects()) {
                        throw new FetchException("more than " + limits.maxRedirects() + " redirects (last to " + location + ")", status, null);
                    }
                    current = resolve(current, location);
                    continue;
                }
                if (status == 304) {
                    return new Fetched(current, true, new byte[0], connection.getContentType(), orElse(connection.getHeaderField("ETag"), etag),
                            orElse(connection.getHeaderField("Last-Modified"), lastModified));
                }
                if (status < 200 || status >= 300) {
                    throw new FetchException("HTTP " + status + (connection.getResponseMessage() == null ? "" : " " + connection.getResponseMessage()), status, null);
                }
                long declared = connection.getContentLengthLong();
                String encoding = connection.getContentEncoding();
                boolean compressed = encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity");
                if (!compressed && declared > limits.maxBytes()) {
                    throw new FetchException("body of " + declared + " bytes is over the limit of " + limits.maxBytes());
                }
                byte[] body = read(connection, encoding, deadline);
                return new Fetched(current, false, body, connection.getContentType(), connection.getHeaderField("ETag"), connection.getHeaderField("Last-Modified"));
            } catch (SocketTimeoutException e) {
                throw new FetchException("timed out reading " + current + " (" + e.getMessage() + ")", 0, e);
            } catch (UnknownHostException e) {
                throw new FetchException("unknown host " + e.getMessage(), 0, e);
            } catch (FetchException e) {
                throw e;
            } catch (IOException e) {
                throw new FetchException("cannot fetch " + current + ": " + e.getMessage(), 0, e);
            } finally {
                connection.disconnect();
            }
        }
    }

    private HttpURLConnection open(URI url, String etag, String lastModified, String accept) throws FetchException {
        try {
            HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout((int) limits.connectTimeout().toMillis());
            c.setReadTimeout((int) limits.readTimeout().toMillis());
            c.setRequestProperty("User-Agent", limits.userAgent());
            c.setRequestProperty("Accept", accept);
            c.setRequestProperty("Accept-Encoding", "gzip, deflate");
            c.setRequestProperty("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
            if (etag != null && !etag.isBlank()) {
                c.setRequestProperty("If-None-Match", etag);
            }
            if (lastModified != null && !lastModified.isBlank()) {
                c.setRequestProperty("If-Modified-Since", lastModified);
            }
            return c;
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchException("cannot open " + url + ": " + e.getMessage(), 0, e);
        }
    }

    private byte[] read(HttpURLConnection connection, String encoding, long deadline) throws IOException {
        InputStream raw = connection.getInputStream();
        String coding = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        try (InputStream in = switch (coding) {
                    case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
                    case "deflate" -> new InflaterInputStream(raw);
                    case "", "identity" -> raw;
                    default -> throw new FetchException("unsupported Content-Encoding " + encoding);
                }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + (long) n > limits.maxBytes()) {
                    throw new FetchException("body is over the limit of " + limits.maxBytes() + " bytes");
                }
                out.write(buffer, 0, n);
                if (System.nanoTime() > deadline) {
                    throw new FetchException("took longer than " + limits.totalTimeout().toSeconds() + " s in all");
                }
            }
            return out.toByteArray();
        }
    }

    private void checkTarget(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("only http and https URLs are fetched, not " + url);
        }
        if (url.getHost() == null) {
            throw new FetchException("no host in " + url);
        }
        if (limits.allowPrivateAddresses()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                        || address.isMulticastAddress() || isUniqueLocalV6(address)) {
                    throw new FetchException(url.getHost() + " is a private or local address (" + address.getHostAddress() + "); such hosts are not fetched");
                }
            }
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + url.getHost(), 0, e);
        }
    }

    private static boolean isUniqueLocalV6(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 16 && (b[0] & 0xFE) == 0xFC;
    }

    static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(location.strip().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("redirect to an unusable Location: " + location);
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
