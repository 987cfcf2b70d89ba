package uk.customerhub.infra.webhooks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny HTTP receiver on loopback (the JDK's own server) that writes down every request and answers as the test
 * says: a queue of answers, then the default answer.
 */
public final class TestReceiver implements AutoCloseable {
    /** A request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: status and headers (an empty body). */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer status(int status) {
            return new Answer(status, Map.of(), "");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> scripted = new ArrayDeque<>();
    private volatile Function<Received, Answer> byDefault = request -> Answer.status(204);

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Headers given = exchange.getRequestHeaders();
            given.forEach((name, values) -> headers.put(name, List.copyOf(values)));
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            Answer answer;
            synchronized (scripted) {
                answer = scripted.isEmpty() ? byDefault.apply(request) : scripted.poll();
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The next answers, in order; after them the default. */
    public void answer(Answer... answers) {
        synchronized (scripted) {
            scripted.addAll(List.of(answers));
        }
    }

    public void answerByDefault(Function<Received, Answer> answer) {
        this.byDefault = answer;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
