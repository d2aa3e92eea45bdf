package org.masthead.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * IndexNow ({@code /indexnow}) and Baidu ({@code /urls}) on 127.0.0.1 and a random port: records
 * every request and answers as the test scripted, else with success. A reply can be held at a gate
 * until the test opens it, so "the import answered before the engine did" needs no sleeping.
 */
final class FakeSearchEngine implements AutoCloseable {

    static final String INDEXNOW = "/indexnow";
    static final String BAIDU = "/urls";

    /** One request as it arrived; {@code answeredAt} (System.nanoTime) is 0 until the answer is sent. */
    static final class Received {
        final String path;
        final String rawQuery;
        final String contentType;
        final String body;
        final long receivedAt;
        volatile long answeredAt;

        Received(String path, String rawQuery, String contentType, String body, long receivedAt) {
            this.path = path;
            this.rawQuery = rawQuery;
            this.contentType = contentType;
            this.body = body;
            this.receivedAt = receivedAt;
        }
    }

    /** A scripted answer; with a {@code gate}, it is sent only once the gate is opened. */
    record Reply(int status, String body, CountDownLatch gate) {

        static Reply status(int status) {
            return new Reply(status, "", null);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, null);
        }

        static Reply heldUntil(CountDownLatch gate) {
            return new Reply(200, "", gate);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedDeque<Reply>> scripts = new ConcurrentHashMap<>();

    private FakeSearchEngine(HttpServer server) {
        this.server = server;
    }

    static FakeSearchEngine start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeSearchEngine engine = new FakeSearchEngine(server);
            server.createContext("/", engine::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An address on this fake, e.g. {@code url("/indexnow")}. */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** The next answers for {@code path}, in order; after them, success again. */
    void answer(String path, Reply... replies) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(replies));
    }

    void reset() {
        scripts.clear();
        received.clear();
    }

    List<Received> requests(String path) {
        return received.stream().filter(r -> r.path.equals(path)).toList();
    }

    /** Requests to {@code path} whose body names {@code url} (a JSON string or a line). */
    List<Received> requestsNaming(String path, String url) {
        return requests(path).stream().filter(r -> r.body.contains("\"" + url + "\"") || r.body.lines().anyMatch(url::equals)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    System.nanoTime());
            received.add(request);
            ConcurrentLinkedDeque<Reply> script = scripts.get(path);
            Reply reply = script == null ? null : script.poll();
            if (reply == null) {
                reply = success(path, request.body);
            }
            if (reply.gate() != null && !reply.gate().await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            request.answeredAt = System.nanoTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Reply success(String path, String body) {
        return path.equals(BAIDU)
                ? Reply.status(200, "{\"remain\":1000,\"success\":" + body.lines().count() + "}")
                : Reply.status(200);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
